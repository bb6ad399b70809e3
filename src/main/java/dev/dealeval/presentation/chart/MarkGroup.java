package dev.dealeval.presentation.chart;

import dev.dealeval.presentation.chart.FrontierChart.Mark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Marks sharing a position (to two decimals): one marker, one joined label. */
record MarkGroup(double us, double cn, String label) {
    static List<MarkGroup> of(List<Mark> marks) {
        Map<String, double[]> position = new LinkedHashMap<>();
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        for (Mark m : marks) {
            String key = SvgText.plain(m.us()) + "," + SvgText.plain(m.cn());
            position.putIfAbsent(key, new double[] {m.us(), m.cn()});
            String label = SvgText.clean(m.label());
            Set<String> set = labels.computeIfAbsent(key, x -> new LinkedHashSet<>());
            if (!label.isEmpty()) {
                set.add(label);
            }
        }
        List<MarkGroup> groups = new ArrayList<>();
        for (Map.Entry<String, double[]> e : position.entrySet()) {
            groups.add(new MarkGroup(e.getValue()[0], e.getValue()[1], String.join(" = ", labels.get(e.getKey()))));
        }
        return groups;
    }
}
