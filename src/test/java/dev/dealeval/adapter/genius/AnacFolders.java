package dev.dealeval.adapter.genius;

import dev.dealeval.domain.genius.DomainDefinition;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The ANAC 2010-2012 test domains (src/test/resources/genius), read by the codec, for the tests. */
public final class AnacFolders {
    private static final GeniusXml GENIUS_XML = new GeniusXml();

    private AnacFolders() {}

    /** An ANAC folder: its domain file and its two preference files, in file-name order. */
    public static DomainDefinition domain(Path folder) {
        List<Path> files;
        try (var f = Files.list(folder)) {
            files = f.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path domainFile = files.stream()
                .filter(f -> text(f).contains("<negotiation_template"))
                .findFirst()
                .orElseThrow();
        NegotiationDomain d =
                GENIUS_XML.readDomain(text(domainFile), folder.getFileName().toString());
        List<Preferences> parties = files.stream()
                .filter(f -> !f.equals(domainFile))
                .map(f -> GENIUS_XML.readPreferences(text(f), d, f.getFileName().toString()))
                .toList();
        return new DomainDefinition(folder.getFileName().toString().toLowerCase(), d.name(), "", d, parties, 1);
    }

    /** Every ANAC 2010-2012 folder, by year then name. */
    public static List<Path> all() throws Exception {
        Path root = Path.of(
                AnacFolders.class.getClassLoader().getResource("genius/anac").toURI());
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

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
