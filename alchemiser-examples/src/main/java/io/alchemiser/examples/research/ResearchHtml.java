package io.alchemiser.examples.research;

import io.alchemiser.examples.backtest.BacktestReport;
import java.util.Locale;

/**
 * What the research pages share: the backtest report's page and style, a table sortable by any column (a click on
 * a header sorts by it, a second click reverses; numbers by the value in each cell's {@code data-v}, empty cells
 * last), and the heatmap's colours. Self-contained: no script or style is fetched from anywhere.
 */
final class ResearchHtml {
    private ResearchHtml() {
    }

    /** A page's start, through its {@code <h1>}, with the research styles. */
    static StringBuilder page(String title) {
        StringBuilder sb = BacktestReport.document(title);
        int styleEnd = sb.indexOf("</style>");
        sb.insert(styleEnd, STYLE);
        return sb;
    }

    /** The end of a page: the sorting script, then the closing tags. */
    static void end(StringBuilder sb) {
        sb.append("<script>//<![CDATA[").append(SORT_SCRIPT).append("//]]></script>\n</body>\n</html>\n");
    }

    /**
     * A cell colour for {@code value} between the worst and the best of a heatmap: red for the worst, white in the
     * middle, green for the best; grey for no value.
     */
    static String colour(double value, double worst, double best) {
        if (!Double.isFinite(value)) {
            return "#e6e6e6";
        }
        double f = best == worst ? 1 : (value - worst) / (best - worst);
        f = Math.max(0, Math.min(1, f));
        int[] red = {222, 94, 86};
        int[] green = {87, 187, 110};
        int[] to = f >= 0.5 ? green : red;
        double t = Math.abs(f - 0.5) * 2;
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", mix(255, to[0], t), mix(255, to[1], t), mix(255, to[2], t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    static final String STYLE = String.join("\n",
            "body{max-width:1400px}",
            "table.sortable th{cursor:pointer;user-select:none;white-space:nowrap}",
            "table.sortable th.asc::after{content:' \\25B2'}",
            "table.sortable th.desc::after{content:' \\25BC'}",
            "table.sortable td{white-space:nowrap}",
            "td.text,th.text{text-align:left}",
            "tr.original td{font-weight:600}",
            "table.heatmap td{min-width:56px;text-align:center}",
            "table.heatmap td.original{outline:3px solid #222;outline-offset:-3px}",
            "p.warning{color:#a02020;font-weight:600}",
            "");

    /** Sorts a {@code table.sortable}'s body rows by the clicked column. */
    static final String SORT_SCRIPT = String.join("\n",
            "",
            "document.querySelectorAll('table.sortable').forEach(function(table){",
            "  table.querySelectorAll('thead th').forEach(function(th, col){",
            "    th.addEventListener('click', function(){",
            "      var desc = !th.classList.contains('desc');",
            "      table.querySelectorAll('thead th').forEach(function(h){h.classList.remove('asc','desc');});",
            "      th.classList.add(desc ? 'desc' : 'asc');",
            "      var body = table.tBodies[0];",
            "      var rows = Array.prototype.slice.call(body.rows);",
            "      rows.sort(function(a, b){",
            "        var x = a.cells[col], y = b.cells[col];",
            "        var xv = x.getAttribute('data-v'), yv = y.getAttribute('data-v');",
            "        if (xv !== null && yv !== null) {",
            "          if (xv === '' || yv === '') { return (xv === '') - (yv === ''); }",
            "          return desc ? parseFloat(yv) - parseFloat(xv) : parseFloat(xv) - parseFloat(yv);",
            "        }",
            "        var c = x.textContent.localeCompare(y.textContent);",
            "        return desc ? -c : c;",
            "      });",
            "      rows.forEach(function(r){body.appendChild(r);});",
            "    });",
            "  });",
            "});",
            "");
}
