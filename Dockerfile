# translint in a container: small (python slim, no build tools, no pip cache) and not root.
#   docker build -t translint .
#   docker run --rm -v "$PWD:/work" translint check copy/ --format github
FROM python:3.12-slim
COPY . /src
RUN sh /src/docker/install.sh /src python3 \
    && rm -rf /src \
    && useradd --create-home --uid 10001 translint
USER translint
WORKDIR /work
ENTRYPOINT ["translint"]
CMD ["check", "."]
