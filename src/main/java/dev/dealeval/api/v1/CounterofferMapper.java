package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.CounterofferResponse;
import dev.dealeval.application.analysis.counteroffers.CounterofferService;

/** Copies a counteroffer report into the API's answer. */
final class CounterofferMapper {
    private CounterofferMapper() {}

    static CounterofferResponse response(CounterofferService.CounterofferReport c) {
        var o = c.original();
        return new CounterofferResponse(
                c.setting().scenario(),
                c.setting().profile(),
                c.setting().profileVersion(),
                new CounterofferResponse.OriginalBundle(
                        o.usSurplus(), o.cnSurplus(), o.usRatifies(), o.cnRatifies(), o.verdict(), o.nashProduct()),
                c.examined(),
                c.passing(),
                c.offers().stream().map(CounterofferMapper::offer).toList(),
                c.setting().warnings());
    }

    private static CounterofferResponse.Counteroffer offer(CounterofferService.Offer o) {
        return new CounterofferResponse.Counteroffer(
                o.rank(),
                AnalysisMapper.bundle(o.terms()),
                o.changes().stream()
                        .map(ch -> new CounterofferResponse.TermChange(
                                ch.term(),
                                ch.from(),
                                ch.to(),
                                ch.usUtilityChange(),
                                ch.cnUtilityChange(),
                                ch.concededBy(),
                                ch.cost(),
                                ch.summary()))
                        .toList(),
                o.usSurplus(),
                o.cnSurplus(),
                o.nashProduct(),
                o.welfare(),
                o.usUtilityChange(),
                o.cnUtilityChange());
    }
}
