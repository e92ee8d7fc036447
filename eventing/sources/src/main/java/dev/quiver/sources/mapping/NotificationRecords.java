package dev.quiver.sources.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Splits a notification body ({@code {"Records":[...]}}) into its records, or says why it cannot. */
public final class NotificationRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationRecords() {}

    /** The non-empty list of record objects of a notification body. */
    public static List<JsonNode> parse(byte[] body) throws InvalidNotificationException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidNotificationException("body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidNotificationException("body is not readable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidNotificationException("body must be a JSON object with a Records array");
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw new InvalidNotificationException("Records must be a non-empty array");
        }
        List<JsonNode> list = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (!records.get(i).isObject()) {
                throw new InvalidNotificationException("Records[" + i + "] must be an object");
            }
            list.add(records.get(i));
        }
        return list;
    }

    static byte[] bytes(JsonNode record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a parsed JSON record", e);
        }
    }
}
