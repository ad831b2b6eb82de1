/** Where `waggle serve` and `npm start` listen unless told otherwise: loopback only. */
export const DEFAULT_PORT = 4747;
export const DEFAULT_HOST = '127.0.0.1';
