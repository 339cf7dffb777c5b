# factlint in a container: `docker run --rm -v "$PWD:/work" factlint check articles/`.
#
# Two stages: the crate is built in the official Rust image, and only the
# binary is copied into a slim runtime (the bundled packs and dictionaries
# are compiled into it). The runtime user is not root, and the working
# folder is /work, where a caller mounts the articles.
ARG RUST_VERSION=1.89
FROM rust:${RUST_VERSION}-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin factlint \
 && strip target/release/factlint

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /work --shell /usr/sbin/nologin factlint
COPY --from=build /src/target/release/factlint /usr/local/bin/factlint
USER factlint
WORKDIR /work
ENTRYPOINT ["factlint"]
CMD ["--help"]
