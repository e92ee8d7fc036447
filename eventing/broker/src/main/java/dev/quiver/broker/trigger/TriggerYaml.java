package dev.quiver.broker.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;

/** Reads Trigger resources from YAML (JSON is YAML too); several documents separated by {@code ---}. */
public final class TriggerYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TriggerYaml() {}

    public static List<TriggerResource> readAll(String text) {
        try (MappingIterator<TriggerResource> it =
                YAML.readerFor(TriggerResource.class).readValues(text)) {
            return it.readAll().stream().filter(r -> r != null).toList();
        } catch (JsonProcessingException e) {
            throw new InvalidTriggerException("not a Trigger resource: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidTriggerException("cannot read triggers: " + e.getMessage());
        }
    }

    public static TriggerResource readOne(String text) {
        List<TriggerResource> all = readAll(text);
        if (all.size() != 1) {
            throw new InvalidTriggerException("expected one Trigger resource, got " + all.size());
        }
        return all.get(0);
    }
}
