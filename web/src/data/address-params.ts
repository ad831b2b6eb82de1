import { useSearchParams } from 'react-router-dom';

/**
 * The address's search parameters, with a change that builds on the address as it is when the
 * change is made. The router renders an address change as a transition, which a slow machine
 * finishes late; a handler from the render before it (a filter chosen straight after "Clear
 * the filters") would otherwise build on the parameters that render was drawn with and bring
 * the cleared filters back. The browser's own address is up to date as soon as the router has
 * pushed it, so each change starts from that.
 */
export function useAddressParams(): [URLSearchParams, (change: (next: URLSearchParams) => URLSearchParams | void) => void] {
  const [params, setParams] = useSearchParams();
  const update = (change: (next: URLSearchParams) => URLSearchParams | void) => {
    const current = new URLSearchParams(window.location.search);
    setParams(change(current) ?? current);
  };
  return [params, update];
}
