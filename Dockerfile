# Showfloor app image. Caddy and LiveKit run in their own containers (docker-compose.yml).
FROM denoland/deno:2.9.6

# Everything below runs as the image's unprivileged `deno` user, so the module
# cache, the island bundles and the data folder all belong to the user the app
# runs as.
RUN mkdir -p /app /data && chown deno:deno /app /data
WORKDIR /app
USER deno

# Dependencies first, so code changes do not refetch them. deno.lock pins every
# npm package; --frozen fails the build if it is out of date.
COPY --chown=deno:deno deno.json deno.lock ./
RUN deno install --frozen

COPY --chown=deno:deno . .
# Island bundles into _fresh/, then cache the server's graph.
RUN deno task build && deno cache --frozen main.ts

ENV APP_ENV=production \
    HOSTNAME=0.0.0.0 \
    PORT=8000 \
    KV_PATH=/data/showfloor.kv \
    DATA_DIR=/data

VOLUME /data
EXPOSE 8000

# deno.json's start task: least privilege, not -A. Network, environment, read of
# /app and $DATA_DIR, write of $DATA_DIR only.
CMD ["deno", "task", "start"]
