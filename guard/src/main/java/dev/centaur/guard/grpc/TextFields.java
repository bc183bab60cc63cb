package dev.centaur.guard.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Walks a protobuf message's text fields, nested and repeated ones too. */
final class TextFields {

    private TextFields() {
    }

    /** A text field holding U+0000: its path, e.g. {@code items[3].text} or {@code metadata["k"]}, and its value. */
    record NulField(String path, String value) {
    }

    /** The first text field holding U+0000. */
    static Optional<NulField> firstWithNul(Message message) {
        return firstWithNul(message, "");
    }

    private static Optional<NulField> firstWithNul(Message message, String prefix) {
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            String path = prefix + field.getName();
            if (field.isMapField()) {
                for (Object item : (List<?>) entry.getValue()) {
                    Message mapEntry = (Message) item;
                    FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
                    FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
                    Object key = mapEntry.getField(keyField);
                    String keyText = key instanceof String text ? "\"" + text + "\"" : String.valueOf(key);
                    Optional<NulField> found = check(keyField, key, path + "[" + keyText + "] (key)")
                            .or(() -> check(valueField, mapEntry.getField(valueField), path + "[" + keyText + "]"));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else if (field.isRepeated()) {
                List<?> values = (List<?>) entry.getValue();
                for (int i = 0; i < values.size(); i++) {
                    Optional<NulField> found = check(field, values.get(i), path + "[" + i + "]");
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else {
                Optional<NulField> found = check(field, entry.getValue(), path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<NulField> check(FieldDescriptor field, Object value, String path) {
        if (field.getJavaType() == FieldDescriptor.JavaType.STRING && ((String) value).indexOf('\u0000') >= 0) {
            return Optional.of(new NulField(path, (String) value));
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && value instanceof Message nested) {
            return firstWithNul(nested, path + ".");
        }
        return Optional.empty();
    }
}
