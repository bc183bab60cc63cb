package dev.centaur.guard.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listener rule on its own: the Vert.x transport's drop-then-half-close cannot be produced by
 * grpc-java's in-process server (which fails the parse itself), so the services' bad-input tests
 * send real random bytes; here the call is a recording fake.
 */
class MalformedRequestInterceptorTest {

    /** A request type with a prototype, like generated protobuf marshallers have. */
    static final class SubmitItemsRequest {
    }

    private static final MethodDescriptor<SubmitItemsRequest, String> METHOD = MethodDescriptor
            .<SubmitItemsRequest, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("test.Router/SubmitItems")
            .setRequestMarshaller(new MethodDescriptor.PrototypeMarshaller<>() {
                @Override
                public SubmitItemsRequest getMessagePrototype() {
                    return new SubmitItemsRequest();
                }

                @Override
                public Class<SubmitItemsRequest> getMessageClass() {
                    return SubmitItemsRequest.class;
                }

                @Override
                public InputStream stream(SubmitItemsRequest value) {
                    return new ByteArrayInputStream(new byte[0]);
                }

                @Override
                public SubmitItemsRequest parse(InputStream stream) {
                    return new SubmitItemsRequest();
                }
            })
            .setResponseMarshaller(new MethodDescriptor.Marshaller<>() {
                @Override
                public InputStream stream(String value) {
                    return new ByteArrayInputStream(new byte[0]);
                }

                @Override
                public String parse(InputStream stream) {
                    return "";
                }
            })
            .build();

    private static final class RecordingCall extends ServerCall<SubmitItemsRequest, String> {
        Status closedWith;
        int closes;

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void sendHeaders(Metadata headers) {
        }

        @Override
        public void sendMessage(String message) {
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closedWith = status;
            closes++;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.EMPTY;
        }

        @Override
        public MethodDescriptor<SubmitItemsRequest, String> getMethodDescriptor() {
            return METHOD;
        }
    }

    private final List<String> methodSaw = new ArrayList<>();

    private ServerCall.Listener<SubmitItemsRequest> start(RecordingCall call) {
        return new MalformedRequestInterceptor().interceptCall(call, new Metadata(), (c, h) -> new ServerCall.Listener<>() {
            @Override
            public void onMessage(SubmitItemsRequest message) {
                methodSaw.add("message");
            }

            @Override
            public void onHalfClose() {
                methodSaw.add("half-close");
            }
        });
    }

    @Test
    void aHalfCloseWithoutAParsedMessageIsInvalidArgumentNamingTheType() {
        RecordingCall call = new RecordingCall();
        start(call).onHalfClose();
        assertEquals(Status.Code.INVALID_ARGUMENT, call.closedWith.getCode());
        assertTrue(call.closedWith.getDescription().contains("SubmitItemsRequest"), call.closedWith.getDescription());
        assertTrue(methodSaw.isEmpty(), "the method never ran: " + methodSaw);
    }

    @Test
    void aCallAnsweredBeforeTheHalfCloseIsNotClosedTwice() {
        RecordingCall call = new RecordingCall();
        ServerCall.Listener<SubmitItemsRequest> listener = new MalformedRequestInterceptor().interceptCall(call,
                new Metadata(), (c, h) -> {
                    c.close(Status.UNAUTHENTICATED.withDescription("no token"), new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                });
        listener.onHalfClose();
        assertEquals(Status.Code.UNAUTHENTICATED, call.closedWith.getCode());
        assertEquals(1, call.closes);
    }

    @Test
    void aParsedMessageReachesTheMethodUntouched() {
        RecordingCall call = new RecordingCall();
        ServerCall.Listener<SubmitItemsRequest> listener = start(call);
        listener.onMessage(new SubmitItemsRequest());
        listener.onHalfClose();
        assertNull(call.closedWith);
        assertEquals(List.of("message", "half-close"), methodSaw);
        assertFalse(methodSaw.isEmpty());
    }
}
