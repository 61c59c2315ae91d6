# Sourced by the run-*.sh scripts whose benchmark runs the service in its own JVM: builds the app and the bench,
# then sets CP to the service's classes with the libraries of its packaged Spring Boot jar (unpacked to
# app/target/bench-lib). No maven-dependency-plugin: an offline build may lack that plugin's own dependencies.
# Expects the project root as the current directory; MVN_OFFLINE=1 builds offline.
./mvnw -q -B ${MVN_OFFLINE:+-o} -pl app,bench -am package -DskipTests -DskipConformance
rm -rf app/target/bench-lib && mkdir -p app/target/bench-lib
(cd app/target/bench-lib && unzip -q ../crosswalk.jar 'BOOT-INF/lib/*')
CP="bench/target/classes:app/target/classes:app/target/bench-lib/BOOT-INF/lib/*"
