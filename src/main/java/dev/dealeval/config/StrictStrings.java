package dev.dealeval.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Every string a request holds, as a value or as a key, is text a database can keep: no NUL
 * character (PostgreSQL refuses it in text, H2 keeps it) and no unpaired UTF-16 surrogate (JSON can
 * write one as {@code "\ud800"}; encoded to UTF-8 it would silently become '?'). Such a string is a
 * 400 naming its field wherever it would have gone.
 */
public final class StrictStrings extends SimpleModule {
    public StrictStrings() {
        super("dealeval-strict-strings");
        addDeserializer(String.class, new Checked());
        addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                return check(key, ctxt.getParser());
            }
        });
    }

    /** A string no text column can keep. */
    public static final class ForbiddenCharacter extends JsonMappingException {
        ForbiddenCharacter(JsonParser p, String problem) {
            super(p, "must not contain " + problem);
        }
    }

    /** What makes {@code s} unfit to keep, or null when it is fine. */
    public static String problem(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return "an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
                }
            } else if (Character.isLowSurrogate(c)) {
                return "an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
            }
        }
        return null;
    }

    private static String check(String s, JsonParser p) throws ForbiddenCharacter {
        String problem = s == null ? null : problem(s);
        if (problem != null) {
            throw new ForbiddenCharacter(p, problem);
        }
        return s;
    }

    private static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return check(super.deserialize(p, ctxt), p);
        }
    }
}
