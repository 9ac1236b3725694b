package org.reviewcycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reviewcycle.support.DockerFiles;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the Docker deployment without a Docker engine: compose.yaml parses and
 * describes MySQL 8.4 set up as the {@code mysql} profile expects, two nodes on that profile and a
 * load balancer whose nginx.conf routes to them; the Dockerfile builds with the wrapper in one
 * stage, runs as a user who is not root in another, and checks its health on the login page. That
 * the image's ENTRYPOINT is the command the tests run is ClusterIT's part: it starts its nodes with it.
 */
class DockerFilesTest {

    static final List<String> NODES = List.of("node-a", "node-b");

    @Test
    void composeHasMySql84TwoNodesOnTheMysqlProfileAndALoadBalancer() {
        Map<String, Map<String, Object>> services = map(compose().get("services"));
        assertThat(services).containsOnlyKeys("mysql", "node-a", "node-b", "lb");
        assertThat(services.get("mysql").get("image")).isEqualTo("mysql:8.4");
        for (String node : NODES) {
            Map<String, Object> service = services.get(node);
            Map<String, Object> build = map(service.get("build"));
            assertThat(build).as(node).containsEntry("context", "..").containsEntry("dockerfile", "docker/Dockerfile");
            Map<String, Object> environment = map(service.get("environment"));
            assertThat(environment).as(node).containsEntry("SPRING_PROFILES_ACTIVE", "mysql")
                    .containsKeys("MYSQL_URL", "MYSQL_USER", "MYSQL_PASSWORD");
            assertThat(environment.get("MYSQL_USER")).isEqualTo(map(services.get("mysql").get("environment")).get("MYSQL_USER"));
            assertThat(environment.get("MYSQL_PASSWORD"))
                    .isEqualTo(map(services.get("mysql").get("environment")).get("MYSQL_PASSWORD"));
            String url = (String) environment.get("MYSQL_URL");
            assertThat(url).as(node + " MYSQL_URL").startsWith("jdbc:mysql://mysql:3306/"
                    + map(services.get("mysql").get("environment")).get("MYSQL_DATABASE") + "?")
                    .contains("sendFractionalSeconds=false");
        }
    }

    @Test
    void theNodesSettingsAreTheOnesTheMysqlProfileReads() throws IOException {
        var profile = new Properties();
        profile.load(new StringReader(DockerFiles.read(java.nio.file.Path.of("src/main/resources/application-mysql.properties"))));
        assertThat(profile.getProperty("spring.datasource.url")).startsWith("${MYSQL_URL:");
        assertThat(profile.getProperty("spring.datasource.username")).startsWith("${MYSQL_USER:");
        assertThat(profile.getProperty("spring.datasource.password")).startsWith("${MYSQL_PASSWORD:");
        assertThat(profile.getProperty("camunda.bpm.database.type")).isEqualTo("mysql");

        // the server's isolation level is the one the pool sets on each connection: Camunda needs READ COMMITTED
        assertThat(profile.getProperty("spring.datasource.hikari.transaction-isolation")).isEqualTo("TRANSACTION_READ_COMMITTED");
        Map<String, Map<String, Object>> services = map(compose().get("services"));
        List<String> mysqlCommand = list(services.get("mysql").get("command"));
        assertThat(mysqlCommand).contains("--transaction-isolation=READ-COMMITTED", "--explicit-defaults-for-timestamp=ON");
    }

    @Test
    void theLoadBalancerRoutesToBothNodesWithItsStickyCookie() {
        Map<String, Map<String, Object>> services = map(compose().get("services"));
        assertThat(list(services.get("lb").get("volumes"))).contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
        String nginx = DockerFiles.read(DockerFiles.NGINX_CONF);
        Matcher servers = Pattern.compile("(?m)^\\s*server\\s+([a-z0-9-]+):8080\\b").matcher(nginx);
        var upstream = new java.util.ArrayList<String>();
        while (servers.find()) {
            upstream.add(servers.group(1));
        }
        assertThat(upstream).containsExactlyElementsOf(NODES);
        assertThat(nginx).contains("hash $rc_route consistent;").contains("RCROUTE=");
        for (String node : NODES) {
            assertThat(list(services.get(node).get("expose"))).contains("8080");
            assertThat(services.get(node)).as(node + " publishes no port of its own").doesNotContainKey("ports");
            // the nodes believe nginx's X-Forwarded-For (Compose's network), and no public address
            Map<String, Object> environment = map(services.get(node).get("environment"));
            Pattern trusted = Pattern.compile((String) environment.get("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES"));
            assertThat(List.of("172.18.0.4", "172.31.255.2", "192.168.16.3", "10.0.1.9"))
                    .allSatisfy(lb -> assertThat(trusted.matcher(lb).matches()).as(node + " trusts " + lb).isTrue());
            assertThat(List.of("8.8.8.8", "172.32.0.1", "192.0.2.2"))
                    .allSatisfy(other -> assertThat(trusted.matcher(other).matches()).as(node + " trusts " + other).isFalse());
        }
    }

    @Test
    void theImageIsBuiltWithTheWrapperAndRunsAsAUserWhoIsNotRootWithAHealthCheck() {
        String dockerfile = DockerFiles.read(DockerFiles.DOCKERFILE);
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).as("stages").isEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^RUN \\./mvnw .*package");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$").matcher(dockerfile);
        assertThat(user.find()).as("a USER line").isTrue();
        assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
        assertThat(dockerfile).containsPattern("HEALTHCHECK [^\\n]*\\\\\\n\\s*CMD curl -fsS [^\\n]*http://localhost:8080/login");
        assertThat(DockerFiles.environment()).containsEntry("SPRING_PROFILES_ACTIVE", "mysql");
        assertThat(DockerFiles.entrypoint()).startsWith("java").endsWith("-jar", DockerFiles.jarInImage());
    }

    private static Map<String, Object> compose() {
        Map<String, Object> compose = new Yaml().load(DockerFiles.read(DockerFiles.COMPOSE));
        assertThat(compose).as(DockerFiles.COMPOSE.toString()).isNotNull();
        return compose;
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, T>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
