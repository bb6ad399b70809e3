// Swagger UI shows an SVG answer as its source text. This plugin shows the search and negotiation
// charts (image/svg+xml) as pictures instead, with the source still one click away. The picture is
// an <img> of a data: URL, so nothing in the SVG can run in the page (see docs/api-contract.md).
window.SvgChartsPlugin = function () {
  return {
    wrapComponents: {
      responseBody: function (Original, system) {
        return function (props) {
          var React = system.React;
          var type = props.contentType || "";
          if (type.indexOf("image/svg+xml") !== 0 || typeof props.content !== "string" || props.content.length === 0) {
            return React.createElement(Original, props);
          }
          var src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(props.content);
          return React.createElement("div", { className: "svg-chart" },
            React.createElement("img", { src: src, alt: "chart", className: "svg-chart__picture", style: { maxWidth: "100%", background: "#fff" } }),
            React.createElement("details", null,
              React.createElement("summary", null, "SVG source"),
              React.createElement(Original, props)));
        };
      }
    }
  };
};
