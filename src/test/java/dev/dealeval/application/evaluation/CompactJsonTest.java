package dev.dealeval.application.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

    @Test
    void deflatedDocumentsReadBackExactly() {
        Random random = new Random(13);
        for (int n : new int[] {0, 1, 100, 8_191, 8_192, 8_193, 200_000}) {
            StringBuilder json = new StringBuilder("{\"reasons\":[");
            while (json.length() < n) {
                json.append("\"the U.S. gains ")
                        .append(random.nextInt(1000))
                        .append(" points — 美国 ")
                        .append(random.nextDouble())
                        .append("\",");
            }
            String text = json.append("\"\"]}").toString();
            CompactJson stored = CompactJson.deflate(text);
            assertEquals(text, CompactJson.ofDeflated(stored.deflated()).json(), "length " + text.length());
            assertEquals(text, stored.json());
        }
    }

    @Test
    void repetitiveJsonShrinks() {
        String json = "{\"criteria\":["
                + "{\"id\":\"jobs\",\"weight\":0.25,\"value\":0.5,\"contribution\":12.5},".repeat(100) + "{}]}";
        byte[] deflated = CompactJson.deflate(json).deflated();
        assertTrue(deflated.length * 10 < json.length(), deflated.length + " bytes for " + json.length());
    }

    @Test
    void aDocumentStoredAsTextIsReadAsText() {
        CompactJson legacy = CompactJson.ofText("{\"a\":1}");
        assertNull(legacy.deflated());
        assertEquals("{\"a\":1}", legacy.json());
    }

    @Test
    void aDamagedDocumentIsAnErrorNotWrongText() {
        byte[] deflated =
                CompactJson.deflate("{\"a\":\"" + "x".repeat(5000) + "\"}").deflated();
        byte[] truncated = Arrays.copyOf(deflated, deflated.length / 2);
        assertThrows(
                IllegalStateException.class,
                () -> CompactJson.ofDeflated(truncated).json());
        assertThrows(
                IllegalStateException.class,
                () -> CompactJson.ofDeflated(new byte[] {1, 2, 3, 4}).json());
        assertArrayEquals(
                deflated,
                CompactJson.deflate("{\"a\":\"" + "x".repeat(5000) + "\"}").deflated(),
                "deterministic");
    }
}
