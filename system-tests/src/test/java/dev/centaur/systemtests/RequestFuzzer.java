package dev.centaur.systemtests;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Bad requests for one gRPC method, made from its request type's descriptor alone, so every RPC,
 * present and future, gets the same treatment: random bytes, the empty message, and for every
 * field (and every field of a nested message) empty, oversized, out-of-range and unknown values,
 * on top of a baseline that may carry a real project id (wrong-project and deeper checks).
 */
final class RequestFuzzer {

    /** Longer than any text limit the services have (DESIGN.md: text over the limit). */
    static final int OVERSIZED_CHARS = 1 << 20;
    /** More elements than any batch a service takes at once. */
    static final int TOO_MANY = 20_000;

    /** One request to send, and the field it was made bad in (empty for whole-message cases). */
    record Case(String name, byte[] bytes, String field) {
    }

    private final Random random;

    RequestFuzzer(long seed) {
        this.random = new Random(seed);
    }

    List<Case> cases(Message baseline) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] noise = new byte[1 + random.nextInt(200)];
            random.nextBytes(noise);
            cases.add(new Case("random bytes #" + (i + 1), noise, ""));
        }
        cases.add(new Case("empty message", new byte[0], ""));
        Descriptor type = baseline.getDescriptorForType();
        for (FieldDescriptor field : type.getFields()) {
            for (Variant variant : variants(field)) {
                DynamicMessage.Builder builder = DynamicMessage.newBuilder(baseline);
                builder.clearField(field);
                if (field.isRepeated()) {
                    for (Object value : variant.repeatedValues()) {
                        builder.addRepeatedField(field, value);
                    }
                } else {
                    builder.setField(field, variant.value());
                }
                cases.add(new Case(field.getName() + " " + variant.name(), builder.build().toByteArray(), field.getName()));
            }
        }
        return cases;
    }

    private record Variant(String name, Object value, List<Object> repeatedValues) {
        static Variant of(String name, Object value) {
            return new Variant(name, value, List.of(value));
        }
    }

    private List<Variant> variants(FieldDescriptor field) {
        List<Variant> variants = new ArrayList<>(scalarVariants(field));
        if (field.isRepeated() && !variants.isEmpty() && !field.isMapField()) {
            Object first = variants.get(0).value();
            variants.add(new Variant("x" + TOO_MANY, first, Collections.nCopies(TOO_MANY, first)));
        }
        return variants;
    }

    private List<Variant> scalarVariants(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case STRING -> List.of(
                    Variant.of("empty", ""),
                    Variant.of("blank", "   "),
                    Variant.of("oversized", "x".repeat(OVERSIZED_CHARS)),
                    Variant.of("unknown", "no-such-" + field.getName().replace('_', '-')),
                    Variant.of("control characters", "a\u0000b\u202Ec\uFFFF"));
            case INT -> List.of(Variant.of("-1", -1), Variant.of("min", Integer.MIN_VALUE),
                    Variant.of("max", Integer.MAX_VALUE));
            case LONG -> List.of(Variant.of("-1", -1L), Variant.of("min", Long.MIN_VALUE),
                    Variant.of("max", Long.MAX_VALUE));
            case DOUBLE -> List.of(Variant.of("NaN", Double.NaN), Variant.of("-1", -1.0),
                    Variant.of("infinity", Double.POSITIVE_INFINITY), Variant.of("1e300", 1e300));
            case FLOAT -> List.of(Variant.of("NaN", Float.NaN), Variant.of("-1", -1f),
                    Variant.of("infinity", Float.POSITIVE_INFINITY));
            case BOOLEAN -> List.of(Variant.of("true", true));
            case ENUM -> List.of(Variant.of("unknown number 999",
                    field.getEnumType().findValueByNumberCreatingIfUnknown(999)));
            case BYTE_STRING -> {
                byte[] noise = new byte[OVERSIZED_CHARS];
                random.nextBytes(noise);
                yield List.of(Variant.of("empty", ByteString.EMPTY), Variant.of("1 MiB of noise", ByteString.copyFrom(noise)));
            }
            case MESSAGE -> nestedVariants(field.getMessageType());
        };
    }

    /** The nested message empty, then with each of its scalar fields bad in each way listed for it. */
    private List<Variant> nestedVariants(Descriptor nested) {
        List<Variant> variants = new ArrayList<>();
        variants.add(Variant.of("empty " + nested.getName(), DynamicMessage.getDefaultInstance(nested)));
        for (FieldDescriptor inner : nested.getFields()) {
            if (inner.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                continue; // one level deep is enough to reach every field the services validate
            }
            for (Variant innerVariant : scalarVariants(inner)) {
                DynamicMessage.Builder builder = DynamicMessage.newBuilder(nested);
                if (inner.isRepeated()) {
                    builder.addRepeatedField(inner, innerVariant.value());
                } else {
                    builder.setField(inner, innerVariant.value());
                }
                variants.add(Variant.of(nested.getName() + "." + inner.getName() + " " + innerVariant.name(), builder.build()));
            }
        }
        return variants;
    }
}
