# The image compose.yaml builds: Waggle built from this folder, run as an unprivileged user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
# npm ci runs `prepare`, which builds dist/ (the CLI, the server and the web app).
RUN npm ci && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
USER node
EXPOSE 4747
CMD ["node", "bin/waggle.js", "serve"]
