package dev.dealeval.application.port;

import dev.dealeval.domain.model.Profile;

/** Port: user-defined profiles. */
public interface ProfileStore extends VersionedStore<Profile> {}
