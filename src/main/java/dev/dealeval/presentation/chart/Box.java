package dev.dealeval.presentation.chart;

/** A rectangle in pixels: a marker's or a label's footprint, for label placement. */
record Box(double left, double top, double right, double bottom) {

    /** The square of half-side {@code half} centred on (x, y). */
    static Box square(double x, double y, double half) {
        return new Box(x - half, y - half, x + half, y + half);
    }

    double overlap(Box o) {
        double w = Math.min(right, o.right) - Math.max(left, o.left);
        double h = Math.min(bottom, o.bottom) - Math.max(top, o.top);
        return w > 0 && h > 0 ? w * h : 0;
    }

    double area() {
        return (right - left) * (bottom - top);
    }

    boolean contains(double x, double y, double margin) {
        return x >= left - margin && x <= right + margin && y >= top - margin && y <= bottom + margin;
    }

    Box grow(double d) {
        return new Box(left - d, top - d, right + d, bottom + d);
    }
}
