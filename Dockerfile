# policykg as a container: the CLI, with the sample corpus, pointed at a store by POLICYKG_STORE.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY policykg ./policykg
RUN pip install .
COPY examples ./examples
ENTRYPOINT ["policykg"]
CMD ["--help"]
