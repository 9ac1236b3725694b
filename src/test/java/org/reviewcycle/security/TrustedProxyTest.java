package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Whose X-Forwarded-For the server believes (login throttling counts failures by the address it gives):
 * a proxy on the same machine's, and nobody else's unless named. With Tomcat's default, anyone on a
 * school's network (staff Wi-Fi, a classroom PC) who could reach the application's port could send a
 * new address with every guess and never meet the per-address limit. LoginThrottleTest shows the
 * header believed from loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustedProxyTest {

    @Autowired ServletWebServerApplicationContext web;

    @Test
    void forwardedHeadersAreBelievedFromThisMachineAlone() {
        Pattern trusted = Pattern.compile(remoteIpValve().getInternalProxies());
        assertThat(Arrays.asList("127.0.0.1", "127.0.1.1", "0:0:0:0:0:0:0:1"))
                .allSatisfy(address -> assertThat(trusted.matcher(address).matches()).as(address).isTrue());
        assertThat(Arrays.asList("10.0.0.5", "192.168.1.20", "172.20.0.3", "169.254.10.1", "100.64.0.1",
                "192.0.2.2", "fd00:0:0:0:0:0:0:1", "fe80:0:0:0:0:0:0:1"))
                .allSatisfy(address -> assertThat(trusted.matcher(address).matches()).as(address).isFalse());
    }

    private RemoteIpValve remoteIpValve() {
        var tomcat = ((TomcatWebServer) web.getWebServer()).getTomcat();
        return Arrays.stream(tomcat.getEngine().getPipeline().getValves()).filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast).findFirst().orElseThrow();
    }
}
