package dev.dealeval.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Objects;

/**
 * Bounds every list, array and map of a request while it is read: a property annotated
 * {@code @Size(max = n)} holds at most n elements, any other list or map (an element of a list, the
 * values of a map, the lists and maps inside a free-form value) at most {@link #DEFAULT_MAX}. The element after the last allowed one stops the
 * read with a {@link TooManyElements} naming the property, so a body of 200,000 empty bundles costs
 * the work of 201 of them and one violation, not 200,000 bound objects and as many Bean Validation
 * violations. (Bean Validation checks the same {@code @Size} afterwards, but only once every element
 * has been bound and validated.)
 */
public final class BoundedContainers extends SimpleModule {
    /** Most elements of a list or map whose property states no {@code @Size(max)}. */
    public static final int DEFAULT_MAX = 1000;

    public BoundedContainers() {
        super("dealeval-bounded-containers");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(
                    DeserializationConfig config,
                    CollectionType type,
                    BeanDescription beanDesc,
                    JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, type, DEFAULT_MAX);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(
                    DeserializationConfig config,
                    MapType type,
                    BeanDescription beanDesc,
                    JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, type, DEFAULT_MAX);
            }

            @Override
            public JsonDeserializer<?> modifyArrayDeserializer(
                    DeserializationConfig config,
                    ArrayType type,
                    BeanDescription beanDesc,
                    JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, type, DEFAULT_MAX);
            }
        });
    }

    /** More elements than a list or map may hold; its path is added as the exception travels out. */
    public static final class TooManyElements extends JsonMappingException {
        TooManyElements(JsonParser p, int max, boolean map, String message) {
            super(p, message != null ? message : "must hold at most " + max + (map ? " entries" : " elements"));
        }
    }

    /** A container deserializer that reads through a {@link Counting} parser. */
    private static final class Bounded extends JsonDeserializer<Object>
            implements ContextualDeserializer, ResolvableDeserializer {
        private final JsonDeserializer<?> delegate;
        private final JavaType type;
        private final int max;
        private final String message;

        Bounded(JsonDeserializer<?> delegate, JavaType type, int max) {
            this(delegate, type, max, null);
        }

        Bounded(JsonDeserializer<?> delegate, JavaType type, int max, String message) {
            this.delegate = delegate;
            this.type = type;
            this.max = max;
            this.message = message;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> inner =
                    delegate instanceof ContextualDeserializer c ? c.createContextual(ctxt, property) : delegate;
            int bound = DEFAULT_MAX;
            String said = null;
            // The property's own container takes its @Size (and its message when that states the
            // bound); a list or map nested in it (same property, another type) keeps the default.
            if (property != null && ownContainer(property.getType())) {
                Size size = property.getAnnotation(Size.class);
                if (size != null && size.max() < Integer.MAX_VALUE) {
                    bound = size.max();
                    said = size.message().contains(String.valueOf(bound)) ? size.message() : null;
                }
            }
            return inner == delegate && bound == max && Objects.equals(said, message)
                    ? this
                    : new Bounded(inner, type, bound, said);
        }

        /**
         * Whether this is the property's own container rather than one nested in it: the same kind of
         * container (the property says List, the deserializer builds an ArrayList) of the same elements.
         */
        private boolean ownContainer(JavaType declared) {
            return type.isTypeOrSubTypeOf(declared.getRawClass())
                    && Objects.equals(declared.getContentType(), type.getContentType())
                    && Objects.equals(declared.getKeyType(), type.getKeyType());
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            if (delegate instanceof ResolvableDeserializer r) {
                r.resolve(ctxt);
            }
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return delegate.deserialize(counting(p), ctxt);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
                throws IOException {
            return delegate.deserializeWithType(counting(p), ctxt, typeDeserializer);
        }

        private JsonParser counting(JsonParser p) {
            JsonToken start = p.currentToken();
            if (start == JsonToken.START_ARRAY) {
                return new Counting(p, max, false, 0, message);
            }
            if (start == JsonToken.START_OBJECT || start == JsonToken.FIELD_NAME) {
                // A map's deserializer may be handed the parser on its first key (after a type id, say).
                return new Counting(p, max, true, start == JsonToken.FIELD_NAME ? 1 : 0, message);
            }
            return p; // null, a scalar where a container is expected: the delegate says what is wrong
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return delegate.getNullValue(ctxt);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return delegate.getNullAccessPattern();
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) throws JsonMappingException {
            return delegate.getEmptyValue(ctxt);
        }

        @Override
        public AccessPattern getEmptyAccessPattern() {
            return delegate.getEmptyAccessPattern();
        }

        @Override
        public Boolean supportsUpdate(DeserializationConfig config) {
            return delegate.supportsUpdate(config);
        }

        @Override
        public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
            return delegate.logicalType();
        }

        @Override
        public boolean isCachable() {
            return delegate.isCachable();
        }

        @Override
        public Class<?> handledType() {
            return delegate.handledType();
        }
    }

    /**
     * Passes tokens through and counts the direct elements (or keys) of the container it starts on,
     * failing on the one past the bound. Every way a deserializer can advance (nextFieldName,
     * nextTextValue, skipChildren, ...) goes through {@link #nextToken()}.
     */
    static final class Counting extends JsonParserDelegate {
        private final int max;
        private final boolean map;
        private final String message;
        private int depth;
        private int elements;
        private boolean done;

        Counting(JsonParser p, int max, boolean map, int alreadyCounted, String message) {
            super(p);
            this.max = max;
            this.map = map;
            this.elements = alreadyCounted;
            this.message = message;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (done || t == null) {
                return t;
            }
            if (depth == 0) {
                if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    done = true;
                    return t;
                }
                if (map ? t == JsonToken.FIELD_NAME : true) {
                    if (++elements > max) {
                        throw new TooManyElements(delegate, max, map, message);
                    }
                }
            }
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                depth++;
            } else if ((t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) && depth > 0) {
                depth--;
            }
            return t;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(delegate.currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? delegate.getText() : null;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getIntValue() : defaultValue;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getLongValue() : defaultValue;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken t = delegate.currentToken();
            if (t != JsonToken.START_ARRAY && t != JsonToken.START_OBJECT) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken next = nextToken();
                if (next == null) {
                    return this;
                }
                if (next == JsonToken.START_ARRAY || next == JsonToken.START_OBJECT) {
                    open++;
                } else if (next == JsonToken.END_ARRAY || next == JsonToken.END_OBJECT) {
                    open--;
                }
            }
            return this;
        }
    }
}
