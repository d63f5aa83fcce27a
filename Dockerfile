# syntax=docker/dockerfile:1
#
# Triangulate images, one file, three stages:
#   build    – compiles the shaded task jar with the pinned Maven wrapper (jOOQ code is generated
#              against a real, Flyway-migrated embedded PostgreSQL during this build)
#   airflow  – Airflow 3 plus the Docker provider, for docker-compose.yml   (--target airflow)
#   task     – the task image: JRE 17, non-root, the jar, sql/ and configs/  (default target)
#
#   docker build -t triangulate:local .
#   docker run --rm -e DATABASE_URL=postgresql://host:5432/db -e DATABASE_USER=… -e DATABASE_PASSWORD=… \
#     -v triangulate-home:/data triangulate:local build --ds 2026-01-05

ARG AIRFLOW_VERSION=3.3.2
ARG DOCKER_PROVIDER_VERSION=4.6.1

# ---------------------------------------------------------------------------------------------
# The embedded PostgreSQL binaries used at build time exist for linux/amd64 only; the jar that
# comes out runs on any platform.
# hadolint ignore=DL3029
FROM --platform=linux/amd64 eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY tasks/ tasks/
COPY sql/ sql/
COPY configs/ configs/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -q -B -DskipTests install \
 && cp tasks/cli/target/triangulate.jar /triangulate.jar

# ---------------------------------------------------------------------------------------------
FROM apache/airflow:${AIRFLOW_VERSION} AS airflow
ARG AIRFLOW_VERSION
ARG DOCKER_PROVIDER_VERSION
# Pinning apache-airflow itself keeps pip from up- or downgrading Airflow while adding the provider.
RUN pip install --no-cache-dir \
      "apache-airflow==${AIRFLOW_VERSION}" \
      "apache-airflow-providers-docker==${DOCKER_PROVIDER_VERSION}"

# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre-jammy AS task
LABEL org.opencontainers.image.title="triangulate" \
      org.opencontainers.image.description="Triangulate task jar: one CLI subcommand per pipeline task" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 triangulate \
 && useradd --system --uid 10001 --gid triangulate --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin triangulate \
 && mkdir -p /app /data \
 && chown triangulate:triangulate /data
WORKDIR /app
COPY --from=build /triangulate.jar /app/triangulate.jar
COPY sql/ /app/sql/
COPY configs/ /app/configs/
# Local state (landing and truth files; pgdata if no DATABASE_URL is given) lives on /data, which
# the tasks of one run share through a volume.
ENV TRIANGULATE_HOME=/data
VOLUME ["/data"]
USER 10001:10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/triangulate.jar"]
CMD ["--help"]
