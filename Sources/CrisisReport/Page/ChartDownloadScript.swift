/// The report's one script: each figure's "Download SVG" and "Download PNG" buttons, so a
/// chart can go into a board paper as it is drawn.
///
/// Everything happens in the page: the chart is copied out of the document, serialised to a
/// Blob for SVG, and drawn on a canvas for PNG (twice the drawn size, for print). Nothing is
/// fetched, so the report stays one self-contained file; the page's Content-Security-Policy
/// allows this script by its hash and images only from `blob:` URLs, which is how the canvas
/// reads the SVG. The buttons are hidden until the script shows them: without scripts the
/// page is a plain page, not one with dead buttons.
enum ChartDownloadScript {
    static let source = """
        (() => {
          "use strict";
          // A chart's look comes from the page's stylesheet, which a saved file leaves behind: the
          // copy carries it as a style attribute on each element, which word processors and slide
          // tools read as well as browsers do. These properties are inherited, so an element
          // carries only those that differ from its parent's.
          const carried = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity",
            "font-family", "font-size", "font-weight", "font-style", "paint-order"];

          function detached(svg) {
            const copy = svg.cloneNode(true);
            const from = [svg, ...svg.querySelectorAll("*")], to = [copy, ...copy.querySelectorAll("*")];
            from.forEach((element, i) => {
              if (element.tagName === "title" || element.tagName === "desc") return;
              const style = getComputedStyle(element);
              const parent = element === svg ? null : getComputedStyle(element.parentElement);
              const differing = carried.filter(name => !parent || style.getPropertyValue(name) !== parent.getPropertyValue(name));
              if (differing.length > 0 || element === svg) {
                to[i].setAttribute("style", differing.map(name => name + ":" + style.getPropertyValue(name)).join(";"));
              }
            });
            return copy;
          }

          // One SVG for a figure: each panel where the page shows it, at the size it is drawn,
          // on white (a transparent chart disappears on a dark slide).
          function picture(figure) {
            const panels = Array.from(figure.querySelectorAll("svg[data-chart]"));
            const origin = panels[0].getBoundingClientRect();
            const scale = panels[0].viewBox.baseVal.width / origin.width;
            let root, width = 0, height = 0;
            if (panels.length === 1) {
              root = detached(panels[0]);
              width = panels[0].viewBox.baseVal.width;
              height = panels[0].viewBox.baseVal.height;
            } else {
              root = panels[0].cloneNode(false);
              for (const name of root.getAttributeNames()) if (name !== "xmlns") root.removeAttribute(name);
              const title = root.appendChild(document.createElementNS(root.namespaceURI, "title"));
              title.textContent = figure.querySelector("h3").textContent;
              for (const panel of panels) {
                const box = panel.getBoundingClientRect(), view = panel.viewBox.baseVal;
                const x = Math.round((box.left - origin.left) * scale), y = Math.round((box.top - origin.top) * scale);
                const copy = root.appendChild(detached(panel));
                copy.setAttribute("x", x);
                copy.setAttribute("y", y);
                copy.setAttribute("width", view.width);
                copy.setAttribute("height", view.height);
                width = Math.max(width, x + view.width);
                height = Math.max(height, y + view.height);
              }
            }
            root.setAttribute("width", width);
            root.setAttribute("height", height);
            root.setAttribute("viewBox", "0 0 " + width + " " + height);
            const background = document.createElementNS(root.namespaceURI, "rect");
            background.setAttribute("width", "100%");
            background.setAttribute("height", "100%");
            background.setAttribute("fill", "#ffffff");
            root.insertBefore(background, Array.from(root.children).find(child => child.tagName !== "title" && child.tagName !== "desc") || null);
            const text = '<?xml version="1.0" encoding="UTF-8"?>\\n' + new XMLSerializer().serializeToString(root) + "\\n";
            return { text, width, height };
          }

          function png(drawn) {
            return new Promise((resolve, reject) => {
              const source = URL.createObjectURL(new Blob([drawn.text], { type: "image/svg+xml" }));
              const image = new Image();
              image.onload = () => {
                URL.revokeObjectURL(source);
                const canvas = document.createElement("canvas");
                canvas.width = 2 * drawn.width;
                canvas.height = 2 * drawn.height;
                canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
                canvas.toBlob(blob => blob ? resolve(blob) : reject(new Error("the browser made no PNG")), "image/png");
              };
              image.onerror = () => {
                URL.revokeObjectURL(source);
                reject(new Error("the browser could not draw the chart"));
              };
              image.src = source;
            });
          }

          function save(blob, name) {
            const link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = name;
            document.body.appendChild(link);
            link.click();
            link.remove();
            // The download has its own reference to the Blob once started.
            setTimeout(() => URL.revokeObjectURL(link.href), 1000);
          }

          document.addEventListener("click", event => {
            const button = event.target.closest("button[data-download]");
            if (!button) return;
            const figure = button.closest("figure");
            const name = (document.body.dataset.fileStem || "chart") + "-" + figure.id;
            const drawn = picture(figure);
            if (button.dataset.download === "svg") {
              save(new Blob([drawn.text], { type: "image/svg+xml" }), name + ".svg");
            } else {
              png(drawn).then(blob => save(blob, name + ".png"), error => {
                button.disabled = true;
                button.textContent = "PNG not available: " + error.message;
              });
            }
          });
          for (const tools of document.querySelectorAll(".chart-tools")) tools.hidden = false;
        })();
        """

    /// The policy source that allows exactly this script.
    static let policySource = "'sha256-\(SHA256.base64(source))'"
}
