# Production image for dealeval (Quarkus fast-jar, JVM mode).
#
#   docker build -t dealeval .
#   docker run --rm -p 8080:8080 -p 9000:9000 dealeval
#
# Extra JVM options without replacing the defaults:  -e JAVA_OPTS_APPEND="-Dquarkus.log.level=DEBUG"

############################
# Build stage
############################
FROM eclipse-temurin:17-jdk AS build

# The Maven wrapper (distributionType=only-script) needs unzip to unpack the pinned .zip distribution
# and verify it against distributionSha256Sum; without unzip it falls back to the .tar.gz and the
# checksum check fails. The temurin images ship curl/wget but not unzip.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends unzip \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# 1) Build definition only (quarkus:go-offline, not dependency:go-offline: the latter also tries
#    the extensions' conditional dependencies, some of which are not published): this layer (Maven itself plus every dependency and plugin) is rebuilt
#    only when mvnw, .mvn/ or pom.xml change, not on every source change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw \
 && ./mvnw -B -q -ntp quarkus:go-offline

# 2) Sources. Tests are run by CI, not by the image build.
COPY src/ src/
# The committed OpenAPI document: the build generates its clients from it (pom.xml, openapi-generator).
COPY openapi/ openapi/
# The PostgreSQL build: the database kind is fixed at build time (see README, Storage).
RUN ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg

############################
# Runtime stage
############################
FROM eclipse-temurin:17-jre

ARG APP_UID=185
ARG APP_GID=185

# Non-root user; /deployments/data stays writable (unused by the PostgreSQL build).
RUN groupadd --system --gid ${APP_GID} dealeval \
 && useradd --system --uid ${APP_UID} --gid dealeval --home-dir /deployments --no-create-home \
      --shell /usr/sbin/nologin dealeval \
 && mkdir -p /deployments/data \
 && chown -R ${APP_UID}:${APP_GID} /deployments

WORKDIR /deployments

# Quarkus fast-jar layout, least to most frequently changing, one layer each.
COPY --from=build --chown=${APP_UID}:${APP_GID} /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=${APP_UID}:${APP_GID} /build/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=${APP_UID}:${APP_GID} /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=${APP_UID}:${APP_GID} /build/target/quarkus-app/quarkus/ /deployments/quarkus/
# The JVM options (heap a quarter of the memory limit, serial collector, ...): see the file.
COPY --chown=${APP_UID}:${APP_GID} deploy/jvm.options /deployments/

# PostgreSQL from the environment: QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD
# (default jdbc:postgresql://127.0.0.1:5432/dealeval, user postgres).
ENV QUARKUS_PROFILE=pg

# An AppCDS archive of every class a start-up and the first requests load, recorded by a training run
# of this image's own JVM with the same options (no database needed: it starts without migrating).
# Start-up to ready was 0.85 s shorter with it (README, Benchmarks). A JVM that cannot use the
# archive warns and starts without it.
COPY deploy/record-appcds.sh /tmp/
RUN sh /tmp/record-appcds.sh /deployments /deployments/jvm.options \
 && chown ${APP_UID}:${APP_GID} /deployments/app-cds.jsa \
 && rm /tmp/record-appcds.sh
# Memory: deploy/jvm.options (copied above as /deployments/jvm.options) sizes the heap at a quarter of
# the container's memory limit; the JVM's own memory (metaspace, code cache, symbols, thread stacks;
# about 210 MB under load, measured with Native Memory Tracking) comes on top. MALLOC_ARENA_MAX keeps
# glibc from giving every thread its own malloc arena.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dquarkus.http.host=0.0.0.0" \
    JAVA_OPTS_APPEND=""

# 8080: the API; 9000: probes and metrics (the management listener).
EXPOSE 8080 9000

# Numeric UID:GID (185:185 = dealeval) so that Kubernetes runAsNonRoot can verify it.
USER ${APP_UID}:${APP_GID}

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:9000/q/health/live || exit 1

# Exec form through sh so that $JAVA_OPTS / $JAVA_OPTS_APPEND are expanded; `exec` makes java PID 1,
# so it receives SIGTERM directly and Quarkus shuts down gracefully. The jar is named relative to the
# working directory, as when the archive was recorded (the JVM checks the class path against it).
ENTRYPOINT ["sh", "-c", "exec java @jvm.options -XX:SharedArchiveFile=app-cds.jsa $JAVA_OPTS $JAVA_OPTS_APPEND -jar quarkus-run.jar"]
