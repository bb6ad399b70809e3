package dev.dealeval.api.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.api.v1.dto.EvaluationResponse;
import dev.dealeval.domain.BundleGenerator;
import dev.dealeval.domain.TestModels;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written serializer writes exactly what Jackson's bean serializer writes for the record,
 * character for character, both with the service's fast double writer.
 */
class EvaluationResponseSerializerTest {

    @Test
    void writesWhatTheBeanSerializerWrites() throws Exception {
        ObjectMapper fast = new ObjectMapper();
        ObjectMapper bean = new ObjectMapper();
        for (ObjectMapper mapper : List.of(fast, bean)) {
            mapper.getFactory().configure(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature(), true);
        }
        bean.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated a) {
                return a.getRawType() == EvaluationResponse.class ? null : super.findSerializer(a);
            }
        });
        var model = ModelFixtures.defaultModel();
        CompiledModel m = TestModels.compile(model, "default");
        BundleGenerator gen = new BundleGenerator(model, 17, 0.5);
        for (int i = 0; i < 50; i++) {
            var e = Evaluator.evaluate(m, TestModels.bundle(model, gen.next()), i % 8, List.of("a warning"));
            EvaluationResponse dto = i % 2 == 0
                    ? DtoMapper.evaluation(e)
                    : DtoMapper.evaluation(e).stored("id-" + i, "2026-01-01T00:00:00Z");
            assertEquals(bean.writeValueAsString(dto), fast.writeValueAsString(dto));
        }
    }
}
