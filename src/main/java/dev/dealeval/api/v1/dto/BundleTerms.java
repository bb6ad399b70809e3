package dev.dealeval.api.v1.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deal bundle by section, with the term names of DOMAIN.md §2. Every term is optional: a term
 * left out takes its no-deal value in the chosen scenario (its neutral value, or for tariffs and
 * controls the scenario's level). GET /api/v1/terms lists units, ranges and neutral values.
 */
@Schema(name = "Bundle", description = "A deal bundle. Every term is optional; a term left out keeps its no-deal value "
        + "in the scenario (neutral, or the scenario's level for tariffs and controls). Ranges and units: GET /api/v1/terms.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleTerms(
        Purchases purchases,
        Investment investment,
        Finance finance,
        Fentanyl fentanyl,
        Tiktok tiktok,
        ChinaMeasures chinaMeasures,
        Geopolitics geopolitics,
        UsConcessions usConcessions,
        Process process,
        Commitment commitment) {

    @Schema(description = "China's extra purchases of U.S. goods and services, $B a year above the 2017 baseline.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Purchases(
            @Schema(description = "Farm goods, $B/yr (0-60).", examples = "16") Double agricultureUsdBnPerYear,
            @Schema(description = "Soybeans, million metric tons/yr (0-40); an alternative unit for the farm pledge (1 MMT ~ $0.4B).", examples = "25") Double soybeansMmtPerYear,
            @Schema(description = "Energy, $B/yr (0-60).", examples = "26") Double energyUsdBnPerYear,
            @Schema(description = "Manufactured goods incl. aircraft, $B/yr (0-80).", examples = "39") Double manufacturedUsdBnPerYear,
            @Schema(description = "Services, $B/yr (0-40).", examples = "19") Double servicesUsdBnPerYear,
            @Schema(description = "Years the pledge runs (1-5).", examples = "2") Integer years,
            @Schema(description = "China makes up the Phase One shortfall.") Boolean catchUpProvision) {
    }

    @Schema(description = "Chinese-funded plants in the U.S.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Investment(
            @Schema(description = "U.S. jobs (0-1,000,000).", examples = "500000") Integer jobs,
            @Schema(description = "Largest Chinese stake in any venture, percent (0-100); matters only with jobs.", examples = "49") Double maxChineseEquityPct,
            @Schema(description = "Chinese firms license technology to U.S. partners; matters only with jobs.") Boolean technologyLicensing) {
    }

    @Schema(description = "Currency and Treasury pledges.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finance(
            @Schema(description = "Change in Chinese Treasury holdings, $B (-500 to 500).", examples = "100") Double treasuryChangeUsdBn,
            @Schema(description = "China drops the rival reserve-currency effort.") Boolean reserveCurrencyStandDown,
            @Schema(description = "No competitive devaluation of the yuan.") Boolean noDevaluationPledge) {
    }

    @Schema(description = "China's fentanyl measures.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fentanyl(
            @Schema(enumeration = {"NONE", "STATEMENT", "LAW_ENFORCEMENT_PACKAGE", "PRECURSOR_LICENSING", "VERIFIED_REDUCTION"},
                    examples = "PRECURSOR_LICENSING") String level) {
    }

    @Schema(description = "TikTok's U.S. business.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tiktok(
            @Schema(enumeration = {"UNRESOLVED", "SPLIT_50_50", "JV_MINORITY_LICENSED_ALGORITHM", "FULL_DIVESTITURE"},
                    examples = "JV_MINORITY_LICENSED_ALGORITHM") String structure,
            @Schema(description = "ByteDance's remaining stake, percent (0-100); left out it follows the structure.") Double bytedanceStakePct) {
    }

    @Schema(description = "China's own tariffs and controls; left out they stay as in the scenario.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChinaMeasures(
            @Schema(description = "China's extra tariff on U.S. goods, percent (0-150).", examples = "10") Double tariffPct,
            @Schema(enumeration = {"BROAD_CONTROLS", "RESTRICTIVE_LICENSING", "GENERAL_LICENSES"}, examples = "GENERAL_LICENSES") String rareEarths,
            @Schema(description = "Blacklists, port fees and farm tariffs lifted.") Boolean countermeasuresSuspended) {
    }

    @Schema(description = "Help beyond trade, each from 0 (none) to 1.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Geopolitics(
            @Schema(description = "Help toward a Russia-Ukraine settlement and rebuilding (0-1).", examples = "0.5") Double ukraine,
            @Schema(description = "Cooperation on North Korea (0-1).", examples = "1") Double northKorea,
            @Schema(description = "Arms-control and nuclear-security talks.") Boolean nuclearDialogue,
            @Schema(description = "Restraint on subsidised export surges (0-1).", examples = "0.5") Double overcapacityRestraint) {
    }

    @Schema(description = "What the U.S. concedes; tariffs and export controls left out stay as in the scenario.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UsConcessions(
            @Schema(description = "U.S. reciprocal tariff layer, percent (0-125).", examples = "10") Double reciprocalTariffPct,
            @Schema(description = "U.S. fentanyl tariff layer, percent (0-20).", examples = "10") Double fentanylTariffPct,
            @Schema(description = "Share of the 2018-19 Section 301 tariffs removed (0-1).", examples = "0.5") Double section301ReliefShare,
            @Schema(description = "Months without new U.S. tariffs or controls (0-36).", examples = "12") Integer standstillMonths,
            @Schema(description = "0 tighter than 2024, 1 the 2024 rules, 2 newest rules paused, 3 H20-class chips, 4 H200-class, 5 frontier chips.",
                    examples = "2") Integer exportControlLevel,
            @Schema(enumeration = {"BLOCK", "CASE_BY_CASE_MINORITY", "OPEN_NON_SENSITIVE"}, examples = "CASE_BY_CASE_MINORITY") String cfiusPosture,
            @Schema(description = "Permanent normal trade relations kept (default true).") Boolean pntrKept,
            @Schema(description = "U.S. port fees on Chinese ships suspended.") Boolean portFeesSuspended) {
    }

    @Schema(description = "How the talks are staged.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Process(
            @Schema(enumeration = {"CHINA_REQUESTS_CALL", "MUTUAL", "STATE_VISIT"}, examples = "MUTUAL") String format,
            @Schema(description = "The U.S. demands concessions before talks.") Boolean usPreconditions) {
    }

    @Schema(description = "How firm the promises are.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Commitment(
            @Schema(enumeration = {"SIGNED_TEXT", "LEADER_STATEMENT", "FLOATED_PROPOSAL"}, examples = "SIGNED_TEXT") String form,
            @Schema(enumeration = {"NONE", "MONITORING", "SNAPBACK"}, examples = "MONITORING") String enforcement) {
    }
}
