package dev.dealeval.api.v1;

/**
 * The one constraint on the ids that requests and query parameters name, with the messages a client
 * reads when one does not fit. Scenario ids are UPPER_SNAKE (GENEVA_2025); profile, domain, episode set and
 * episode ids are lower-case kebab-case (hawkish-washington, laptop, built-in, geneva-truce-2025); any at
 * most 64 characters.
 */
public final class Ids {
    public static final String SCENARIO = "[A-Z][A-Z0-9_]{0,63}";
    public static final String PROFILE = "[a-z][a-z0-9-]{0,63}";
    public static final String DOMAIN = PROFILE;
    public static final String EPISODE_SET = PROFILE;
    public static final String EPISODE = PROFILE;

    public static final String SCENARIO_MESSAGE = "must be a scenario id such as GENEVA_2025";
    public static final String PROFILE_MESSAGE = "must be a profile id such as default";
    public static final String DOMAIN_MESSAGE = "must be a domain id such as laptop";
    public static final String EPISODE_SET_MESSAGE = "must be an episode set id such as built-in";
    public static final String EPISODE_MESSAGE = "must be an episode id such as geneva-truce-2025";

    private Ids() {}
}
