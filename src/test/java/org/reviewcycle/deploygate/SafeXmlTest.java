package org.reviewcycle.deploygate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's own reading of XML, which comes before the engine's: no DOCTYPE, so no entity at all. */
class SafeXmlTest {

    @Test
    void readsAModel() throws Exception {
        var model = SafeXml.parse(Models.process("Probe", "<bpmn:userTask id=\"Task_Probe\" />").getBytes(StandardCharsets.UTF_8));
        assertThat(model.getDocumentElement().getLocalName()).isEqualTo("definitions");
    }

    @Test
    void neverReadsAFileAnEntityNames(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the head's password");
        String xxe = Models.process("Probe", "<bpmn:userTask id=\"Task_Probe\" name=\"&xxe;\" />")
                .replaceFirst("\\?>", "?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>");

        assertThatThrownBy(() -> SafeXml.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SafeXml.NotReadable.class)
                .hasMessageContaining("declares a DOCTYPE").hasMessageNotContaining("password");
    }

    @Test
    void refusesBillionLaughsAtOnce() {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String laughs = Models.process("Probe", "<bpmn:userTask id=\"Task_Probe\" name=\"&lol9;\" />")
                .replaceFirst("\\?>", "?><!DOCTYPE definitions [" + entities + "]>");
        long started = System.nanoTime();

        assertThatThrownBy(() -> SafeXml.parse(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SafeXml.NotReadable.class).hasMessageContaining("declares a DOCTYPE");
        // a billion "lol"s take minutes and gigabytes; refusing the DOCTYPE takes milliseconds
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(2_000);
    }
}
