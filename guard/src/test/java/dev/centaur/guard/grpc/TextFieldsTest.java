package dev.centaur.guard.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Field;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.Type;
import io.grpc.Status;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextFieldsTest {

    @Test
    void findsANulInANestedRepeatedTextFieldAndNamesItsPath() {
        Type clean = Type.newBuilder().setName("ok").addFields(Field.newBuilder().setName("a")).build();
        assertEquals(Optional.empty(), TextFields.firstWithNul(clean));
        Type dirty = clean.toBuilder().addFields(Field.newBuilder().setName("b\u0000c")).build();
        assertEquals(Optional.of(new TextFields.NulField("fields[1].name", "b\u0000c")), TextFields.firstWithNul(dirty));
        assertEquals("name", TextFields.firstWithNul(Type.newBuilder().setName("\u0000").build()).orElseThrow().path());
    }

    @Test
    void aMapValueIsNamedByItsKey() {
        Struct struct = Struct.newBuilder().putFields("k", Value.newBuilder().setStringValue("v\u0000").build()).build();
        assertEquals(Optional.of(new TextFields.NulField("fields[\"k\"].string_value", "v\u0000")),
                TextFields.firstWithNul(struct));
    }

    @Test
    void aQuotedValueShowsItsNulAsBackslashZero() {
        assertEquals("admin\\0", MalformedRequestInterceptor.abbreviate("admin\u0000"));
        assertTrue(MalformedRequestInterceptor.abbreviate("x".repeat(500)).endsWith("... (500 characters)"));
    }

    @Test
    void longDescriptionsAreCutShortSayingHowLongTheyWere() {
        Status shortOne = Status.INVALID_ARGUMENT.withDescription("project_id is empty");
        assertEquals(shortOne, DescriptionLimitInterceptor.limit(shortOne));
        String quoted = "project_id \"" + "x".repeat(1 << 20) + "\" is too long";
        Status longOne = DescriptionLimitInterceptor.limit(Status.INVALID_ARGUMENT.withDescription(quoted));
        assertEquals(Status.Code.INVALID_ARGUMENT, longOne.getCode());
        assertTrue(longOne.getDescription().startsWith("project_id \"xxx"), longOne.getDescription());
        assertTrue(longOne.getDescription().length() < DescriptionLimitInterceptor.MAX_DESCRIPTION_CHARS + 50);
        assertTrue(longOne.getDescription().endsWith("(" + quoted.length() + " characters in all)"),
                longOne.getDescription());
    }
}
