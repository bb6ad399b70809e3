package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link EvaluationResponse} field by field. An evaluation is the hottest response of the
 * API (about 12 KB and 250 numbers), and Jackson's generic bean serializer spent three times as
 * long on it as the engine spent computing it. Numbers go through {@link DecimalText} first. The
 * output is exactly what the bean serializer writes for the record (EvaluationResponseSerializerTest
 * compares the two), so the OpenAPI schema generated from the record stays true.
 */
public class EvaluationResponseSerializer extends StdSerializer<EvaluationResponse> {
    private static final SerializedString ID_FIELD = new SerializedString("id");
    private static final SerializedString CREATED_AT = new SerializedString("createdAt");
    private static final SerializedString SCENARIO = new SerializedString("scenario");
    private static final SerializedString PROFILE = new SerializedString("profile");
    private static final SerializedString PROFILE_VERSION = new SerializedString("profileVersion");
    private static final SerializedString SIDES = new SerializedString("sides");
    private static final SerializedString UTILITY = new SerializedString("utility");
    private static final SerializedString NO_DEAL_UTILITY = new SerializedString("noDealUtility");
    private static final SerializedString SURPLUS = new SerializedString("surplus");
    private static final SerializedString RATIFIED = new SerializedString("ratified");
    private static final SerializedString RATIFICATION_PROBABILITY = new SerializedString("ratificationProbability");
    private static final SerializedString SUPPORTING_CLOUT = new SerializedString("supportingClout");
    private static final SerializedString OPPOSING_CLOUT = new SerializedString("opposingClout");
    private static final SerializedString THRESHOLD = new SerializedString("threshold");
    private static final SerializedString SUPPORT_INDEX = new SerializedString("supportIndex");
    private static final SerializedString CRITERIA = new SerializedString("criteria");
    private static final SerializedString TERMS = new SerializedString("terms");
    private static final SerializedString FACTIONS = new SerializedString("factions");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString WEIGHT = new SerializedString("weight");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString NO_DEAL_VALUE = new SerializedString("noDealValue");
    private static final SerializedString CONTRIBUTION = new SerializedString("contribution");
    private static final SerializedString SURPLUS_CONTRIBUTION = new SerializedString("surplusContribution");
    private static final SerializedString TERM = new SerializedString("term");
    private static final SerializedString CLOUT = new SerializedString("clout");
    private static final SerializedString VETO = new SerializedString("veto");
    private static final SerializedString VETO_APPLIES = new SerializedString("vetoApplies");
    private static final SerializedString STANCE = new SerializedString("stance");
    private static final SerializedString STAKE = new SerializedString("stake");
    private static final SerializedString STANCE_MARGIN = new SerializedString("stanceMargin");
    private static final SerializedString SUPPORT_PROBABILITY = new SerializedString("supportProbability");
    private static final SerializedString REASONS = new SerializedString("reasons");
    private static final SerializedString SUMMARY = new SerializedString("summary");
    private static final SerializedString CREDIBILITY = new SerializedString("credibility");
    private static final SerializedString PLEDGED = new SerializedString("pledgedUsdBnPerYear");
    private static final SerializedString CREDIBLE = new SerializedString("credibleUsdBnPerYear");
    private static final SerializedString FACTOR = new SerializedString("factor");
    private static final SerializedString FORM_FACTOR = new SerializedString("formFactor");
    private static final SerializedString ENFORCEMENT_KEPT = new SerializedString("enforcementKept");
    private static final SerializedString REALISM = new SerializedString("realism");
    private static final SerializedString REQUIRED_GROWTH = new SerializedString("requiredGrowth");
    private static final SerializedString POLICY_FACTOR = new SerializedString("policyFactor");
    private static final SerializedString CATEGORIES = new SerializedString("categories");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString JOINT = new SerializedString("joint");
    private static final SerializedString ZOPA = new SerializedString("zopa");
    private static final SerializedString NASH = new SerializedString("nashProduct");
    private static final SerializedString WELFARE = new SerializedString("welfare");
    private static final SerializedString VERDICT = new SerializedString("verdict");
    private static final SerializedString AGREEMENT_PROBABILITY = new SerializedString("agreementProbability");
    private static final SerializedString WARNINGS = new SerializedString("warnings");

    public EvaluationResponseSerializer() {
        super(EvaluationResponse.class);
    }

    @Override
    public void serialize(EvaluationResponse r, JsonGenerator g, SerializerProvider provider) throws IOException {
        char[] buf = new char[DecimalText.MAX_LENGTH];
        g.writeStartObject();
        if (r.id() != null) {
            g.writeFieldName(ID_FIELD);
            g.writeString(r.id());
        }
        if (r.createdAt() != null) {
            g.writeFieldName(CREATED_AT);
            g.writeString(r.createdAt());
        }
        g.writeFieldName(SCENARIO);
        g.writeString(r.scenario());
        g.writeFieldName(PROFILE);
        g.writeString(r.profile());
        g.writeFieldName(PROFILE_VERSION);
        g.writeNumber(r.profileVersion());
        g.writeFieldName(SIDES);
        g.writeStartObject();
        for (Map.Entry<String, EvaluationResponse.SideResult> e : r.sides().entrySet()) {
            g.writeFieldName(e.getKey());
            side(e.getValue(), g, provider, buf);
        }
        g.writeEndObject();
        credibility(r.credibility(), g, buf);
        joint(r.joint(), g, buf);
        g.writeFieldName(WARNINGS);
        strings(r.warnings(), g);
        g.writeEndObject();
    }

    private static void side(EvaluationResponse.SideResult s, JsonGenerator g, SerializerProvider provider, char[] buf)
            throws IOException {
        g.writeStartObject();
        number(g, buf, UTILITY, s.utility());
        number(g, buf, NO_DEAL_UTILITY, s.noDealUtility());
        number(g, buf, SURPLUS, s.surplus());
        g.writeFieldName(RATIFIED);
        g.writeBoolean(s.ratified());
        number(g, buf, RATIFICATION_PROBABILITY, s.ratificationProbability());
        number(g, buf, SUPPORTING_CLOUT, s.supportingClout());
        number(g, buf, OPPOSING_CLOUT, s.opposingClout());
        number(g, buf, SUPPORT_INDEX, s.supportIndex());
        number(g, buf, THRESHOLD, s.threshold());
        g.writeFieldName(CRITERIA);
        g.writeStartArray();
        for (EvaluationResponse.CriterionResult c : s.criteria()) {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(c.id());
            number(g, buf, WEIGHT, c.weight());
            number(g, buf, VALUE, c.value());
            number(g, buf, NO_DEAL_VALUE, c.noDealValue());
            number(g, buf, CONTRIBUTION, c.contribution());
            number(g, buf, SURPLUS_CONTRIBUTION, c.surplusContribution());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(TERMS);
        g.writeStartArray();
        for (EvaluationResponse.TermResult t : s.terms()) {
            g.writeStartObject();
            g.writeFieldName(TERM);
            g.writeString(t.term());
            g.writeFieldName(VALUE);
            provider.defaultSerializeValue(t.value(), g);
            g.writeFieldName(NO_DEAL_VALUE);
            provider.defaultSerializeValue(t.noDealValue(), g);
            number(g, buf, CONTRIBUTION, t.contribution());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(FACTIONS);
        g.writeStartArray();
        for (EvaluationResponse.FactionResult f : s.factions()) {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(f.id());
            number(g, buf, CLOUT, f.clout());
            g.writeFieldName(VETO);
            g.writeString(f.veto().name());
            g.writeFieldName(VETO_APPLIES);
            g.writeBoolean(f.vetoApplies());
            number(g, buf, UTILITY, f.utility());
            number(g, buf, NO_DEAL_UTILITY, f.noDealUtility());
            number(g, buf, SURPLUS, f.surplus());
            number(g, buf, STAKE, f.stake());
            number(g, buf, STANCE_MARGIN, f.stanceMargin());
            g.writeFieldName(STANCE);
            g.writeString(f.stance().name());
            number(g, buf, SUPPORT_PROBABILITY, f.supportProbability());
            g.writeFieldName(REASONS);
            strings(f.reasons(), g);
            g.writeFieldName(SUMMARY);
            g.writeString(f.summary());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void credibility(EvaluationResponse.CredibilityResult c, JsonGenerator g, char[] buf)
            throws IOException {
        g.writeFieldName(CREDIBILITY);
        g.writeStartObject();
        number(g, buf, PLEDGED, c.pledgedUsdBnPerYear());
        number(g, buf, CREDIBLE, c.credibleUsdBnPerYear());
        number(g, buf, FACTOR, c.factor());
        number(g, buf, FORM_FACTOR, c.formFactor());
        number(g, buf, ENFORCEMENT_KEPT, c.enforcementKept());
        number(g, buf, REALISM, c.realism());
        number(g, buf, REQUIRED_GROWTH, c.requiredGrowth());
        number(g, buf, POLICY_FACTOR, c.policyFactor());
        g.writeFieldName(CATEGORIES);
        g.writeStartArray();
        for (EvaluationResponse.CategoryResult k : c.categories()) {
            g.writeStartObject();
            g.writeFieldName(CATEGORY);
            g.writeString(k.category());
            number(g, buf, PLEDGED, k.pledgedUsdBnPerYear());
            number(g, buf, CREDIBLE, k.credibleUsdBnPerYear());
            number(g, buf, FACTOR, k.factor());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void joint(EvaluationResponse.JointResult j, JsonGenerator g, char[] buf) throws IOException {
        g.writeFieldName(JOINT);
        g.writeStartObject();
        g.writeFieldName(ZOPA);
        g.writeBoolean(j.zopa());
        number(g, buf, NASH, j.nashProduct());
        number(g, buf, WELFARE, j.welfare());
        g.writeFieldName(VERDICT);
        g.writeString(j.verdict().name());
        number(g, buf, AGREEMENT_PROBABILITY, j.agreementProbability());
        g.writeEndObject();
    }

    /** A number field; {@code buf} is the caller's scratch space for {@link DecimalText}. */
    private static void number(JsonGenerator g, char[] buf, SerializedString name, double v) throws IOException {
        g.writeFieldName(name);
        int length = DecimalText.format(v, buf);
        if (length < 0) {
            g.writeNumber(v);
        } else {
            g.writeNumber(buf, 0, length);
        }
    }

    private static void strings(List<String> values, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
