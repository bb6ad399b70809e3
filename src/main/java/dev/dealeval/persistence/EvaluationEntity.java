package dev.dealeval.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One stored evaluation: the request, the model, scenario and profile versions used, and the result as returned. */
@Entity
@Table(name = "evaluation")
public class EvaluationEntity {
    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "profile_id", nullable = false, length = 64)
    public String profileId;

    @Column(name = "profile_version", nullable = false)
    public long profileVersion;

    @Column(name = "model_version", length = 64)
    public String modelVersion;

    @Column(name = "scenario_id", nullable = false, length = 64)
    public String scenarioId;

    @Column(name = "scenario_version")
    public Long scenarioVersion;

    @Column(nullable = false, length = 20)
    public String verdict;

    @Column(name = "us_surplus", nullable = false)
    public double usSurplus;

    @Column(name = "cn_surplus", nullable = false)
    public double cnSurplus;

    @Column(nullable = false, length = 1048576)
    public String request;

    /** The result as text: only rows stored before results were deflated. */
    @Column(length = 1048576)
    public String result;

    @Column(name = "result_deflated")
    public byte[] resultDeflated;
}
