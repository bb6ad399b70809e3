package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.AnalysedDomain;
import dev.dealeval.api.v1.dto.BundleTerms;
import dev.dealeval.api.v1.dto.LabelledBundle;
import dev.dealeval.api.v1.dto.SearchTerm;
import dev.dealeval.application.analysis.AnalysedSetting;
import dev.dealeval.application.analysis.AnalysisInputs;
import dev.dealeval.application.analysis.BundleCodec;
import dev.dealeval.domain.engine.Bundle;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.TermDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every deal-space analysis maps alike: the subject, named bundles and terms of a request, the domain of an answer. */
final class AnalysisMapper {
    private AnalysisMapper() {}

    static AnalysisInputs.Subject subject(
            String scenario, String profile, dev.dealeval.api.v1.dto.Overrides overrides, String domain) {
        return new AnalysisInputs.Subject(scenario, profile, DtoMapper.overrides(overrides), domain);
    }

    /** The imported domain an analysis ran on, or null for the U.S.–China model. */
    static AnalysedDomain domain(AnalysedSetting setting) {
        AnalysedSetting.Domain d = setting.domain();
        return d == null ? null : new AnalysedDomain(d.id(), d.version(), d.parties());
    }

    static List<AnalysisInputs.NamedBundle> bundles(List<LabelledBundle> bundles) {
        if (bundles == null) {
            return List.of();
        }
        List<AnalysisInputs.NamedBundle> out = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            LabelledBundle b = bundles.get(i);
            out.add(
                    b == null
                            ? null
                            : new AnalysisInputs.NamedBundle(
                                    b.name() == null ? "bundle " + (i + 1) : b.name(),
                                    b.bundle() == null ? null : DtoMapper.flatten(b.bundle()),
                                    b.outcome()));
        }
        return out;
    }

    static List<AnalysisInputs.TermLevels> terms(List<SearchTerm> terms) {
        return terms == null
                ? null
                : terms.stream()
                        .map(t -> t == null ? null : new AnalysisInputs.TermLevels(t.term(), t.levels()))
                        .toList();
    }

    /** An encoded bundle as a client writes it: the terms marked in stated (term t is terms.get(t)). */
    static BundleTerms bundle(List<TermDef> terms, double[] x, boolean[] stated) {
        return BundleTerms.ofTerms(new BundleCodec(terms).terms(x, stated));
    }

    /** Raw term values keyed by id (an episode's bundle) as a client writes them, by section, in the catalogue's order. */
    static BundleTerms bundle(DealModel model, Map<String, Object> raw) {
        Bundle b = BundleReader.read(model, raw, "").bundle();
        return bundle(model.terms(), b.values(), b.given());
    }

    /** Decoded terms by id, grouped into the sections a bundle is written in; null stays null. */
    static BundleTerms bundle(Map<String, Object> terms) {
        return terms == null ? null : BundleTerms.ofTerms(terms);
    }
}
