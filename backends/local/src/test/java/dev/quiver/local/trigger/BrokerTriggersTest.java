package dev.quiver.local.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.local.registry.FunctionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTriggersTest {
    @Test
    void theTriggerSubscribesTheFunctionBehindTheActivatorWithItsFilters(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("t.jar"), "jar");
        var f = new FunctionReader(home).read("""
                name: thumbnail
                artifact: t.jar
                triggers:
                  broker: {filters: [{prefix: {type: com.amazonaws.s3.}}, {prefix: {subject: images/}}]}
                """);

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(BrokerTriggers.body(f, 8080))).isEqualTo(json.readTree("{\"metadata\":{\"name\":\"fn-thumbnail\"},\"spec\":"
                + "{\"broker\":\"default\",\"filters\":[{\"prefix\":{\"type\":\"com.amazonaws.s3.\"}},"
                + "{\"prefix\":{\"subject\":\"images/\"}}],\"subscriber\":{\"uri\":\"http://127.0.0.1:8080/f/thumbnail/\"}}}"));
    }
}
