package dev.dealeval.application;

import dev.dealeval.domain.model.Profile;

/** Port: user-defined profiles. */
public interface ProfileStore extends VersionedStore<Profile> {}
