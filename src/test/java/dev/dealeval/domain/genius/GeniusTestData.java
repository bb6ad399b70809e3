package dev.dealeval.domain.genius;

import dev.dealeval.config.GeniusXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The ANAC test domains (src/test/resources/genius) and brute-force utilities over every outcome, for the tests. */
public final class GeniusTestData {
    private GeniusTestData() {}

    /** An ANAC folder: its domain file and its two preference files, in file-name order. */
    public static DomainDefinition anac(Path folder) {
        List<Path> files;
        try (var f = Files.list(folder)) {
            files = f.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path domainFile = files.stream()
                .filter(f -> read(f).contains("<negotiation_template"))
                .findFirst()
                .orElseThrow();
        NegotiationDomain d =
                GeniusXml.readDomain(read(domainFile), folder.getFileName().toString());
        List<Preferences> parties = files.stream()
                .filter(f -> !f.equals(domainFile))
                .map(f -> GeniusXml.readPreferences(read(f), d, f.getFileName().toString()))
                .toList();
        return new DomainDefinition(folder.getFileName().toString().toLowerCase(), d.name(), "", d, parties, 1);
    }

    /** Every ANAC 2010-2012 folder, by year then name. */
    public static List<Path> anacFolders() throws Exception {
        Path root = Path.of(
                GeniusTestData.class.getClassLoader().getResource("genius/anac").toURI());
        List<Path> out = new ArrayList<>();
        try (var years = Files.list(root)) {
            for (Path year : years.sorted().toList()) {
                try (var folders = Files.list(year)) {
                    out.addAll(folders.sorted().toList());
                }
            }
        }
        return out;
    }

    /**
     * Every outcome's utility for one party, from GENIUS's definition (weights over their sum times the
     * normalised evaluations, as {@link Preferences#utility} adds them), the last issue turning fastest.
     */
    public static double[] utilities(NegotiationDomain d, Preferences p) {
        double[][] norm = p.normalised(d);
        double[] w = p.normalisedWeights();
        int n = (int) d.outcomeCount();
        double[] u = new double[n];
        int[] o = new int[d.issues().size()];
        for (int k = 0; k < n; k++) {
            double v = 0;
            for (int i = 0; i < o.length; i++) {
                v += w[i] * norm[i][o[i]];
            }
            u[k] = v;
            for (int i = o.length - 1; i >= 0 && ++o[i] == d.issues().get(i).size(); i--) {
                o[i] = 0;
            }
        }
        return u;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
