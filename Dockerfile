# syntax=docker/dockerfile:1
# Aegis as a container: built from source with the Maven wrapper, run as a non-root user on a JRE.
#   docker build -t aegis .
#   docker run -p 8080:8080 -e AEGIS_DB_URL=jdbc:postgresql://db:5432/aegis -e AEGIS_DB_USER=aegis \
#     -e AEGIS_DB_PASSWORD=... aegis
# or, with a PostgreSQL beside it: AEGIS_DB_PASSWORD=... docker compose up

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY . .
# the Maven repository is a build cache, so a rebuild does not download every dependency again. Vaadin runs in
# production mode because its optional development server stays out of the jar: the build fails if it got in.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
    && cp target/aegis-*.jar /build/aegis.jar \
    && if jar tf /build/aegis.jar | grep -q 'BOOT-INF/lib/vaadin-dev-server'; then \
           echo "vaadin-dev-server is in the jar: Vaadin would start in development mode" >&2; exit 1; \
       fi

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 aegis \
    && useradd --system --uid 10001 --gid aegis --home-dir /app --shell /usr/sbin/nologin aegis \
    && mkdir -p /app/data \
    && chown -R aegis:aegis /app
WORKDIR /app
COPY --from=build --chown=aegis:aegis /build/aegis.jar /tmp/aegis.jar
USER 10001:10001
# Extracted into plain jars on the class path (application/aegis.jar and application/lib/): the JVM's ahead-of-time
# cache can hold classes loaded from those, not from jars nested in a Spring Boot jar.
RUN java -Djarmode=tools -jar /tmp/aegis.jar extract --destination /app/application && rm /tmp/aegis.jar
# Java 25's AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) from a training run: Aegis starts once
# against a throw-away embedded PostgreSQL, stops when its context is refreshed (-Dspring.context.exit=onRefresh) and
# writes the cache; nothing of that run stays in the image. A start with the cache is about a third faster
# (docs/benchmarks.md); a JVM that cannot use the cache says so and starts without it.
RUN java -XX:AOTCacheOutput=/app/aegis.aot -Dspring.context.exit=onRefresh \
        -Daegis.db.probe-port=1 -Daegis.embedded-db.dir=/tmp/aot-training/postgres \
        -Daegis.crypto.master-key-file=/tmp/aot-training/master.key \
        -jar /app/application/aegis.jar \
    && rm -rf /tmp/aot-training /app/data/* \
    && test -s /app/aegis.aot
ENV AEGIS_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# bash's /dev/tcp needs no curl or wget in the image; the start (migrations, Vaadin) takes a while
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${AEGIS_PORT} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "-XX:AOTCache=/app/aegis.aot", "-jar", "/app/application/aegis.jar"]
