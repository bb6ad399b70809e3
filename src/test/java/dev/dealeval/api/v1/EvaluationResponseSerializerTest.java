package dev.dealeval.api.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.dealeval.api.v1.dto.EvaluationResponse;
import dev.dealeval.domain.BundleGenerator;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written serializer writes exactly what Jackson's bean serializer writes for the record. */
class EvaluationResponseSerializerTest {

    @Test
    void writesWhatTheBeanSerializerWrites() throws Exception {
        ObjectMapper fast = new ObjectMapper();
        ObjectMapper bean = new ObjectMapper();
        bean.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated a) {
                return a.getRawType() == EvaluationResponse.class ? null : super.findSerializer(a);
            }
        });
        var model = TestModels.defaultModel();
        CompiledModel m = TestModels.compile(model, "default");
        BundleGenerator gen = new BundleGenerator(model, 17, 0.5);
        for (int i = 0; i < 50; i++) {
            var e = Evaluator.evaluate(m, TestModels.bundle(model, gen.next()), i % 8, List.of("a warning"));
            EvaluationResponse dto = i % 2 == 0 ? DtoMapper.evaluation(e) : DtoMapper.evaluation(e).stored("id-" + i, "2026-01-01T00:00:00Z");
            String written = fast.writeValueAsString(dto);
            JsonNode expected = bean.readTree(bean.writeValueAsString(dto));
            assertEquals(expected, fast.readTree(written));
            // Same field order too, so documents diff cleanly.
            assertEquals(bean.writeValueAsString(expected), fast.writeValueAsString(fast.readTree(written)));
        }
    }
}
