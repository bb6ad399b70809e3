package dev.dealeval.application.port;

import dev.dealeval.domain.model.DealModel;
import java.util.Optional;

/** Port: where the deal model comes from. */
public interface ModelSource {
    /**
     * The model in the file at path, or the built-in one when there is none, checked whole; a
     * problem is a {@link dev.dealeval.domain.model.ModelException} naming the entry and the file.
     */
    DealModel model(Optional<String> path);
}
