package dev.dealeval.application.port;

import dev.dealeval.domain.backtest.EpisodeSet;
import dev.dealeval.domain.model.DealModel;
import java.util.Optional;

/** Port: where the backtest's episodes come from. */
public interface EpisodeSource {
    /**
     * The episodes in the file at path, or the built-in ones when there is none, checked against
     * the model; a problem is a {@link dev.dealeval.domain.model.ModelException} naming the entry
     * and the file.
     */
    EpisodeSet episodes(Optional<String> path, DealModel model);
}
