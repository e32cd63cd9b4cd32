package dev.switchboard.cli;

import dev.switchboard.render.JsonRenderer;
import dev.switchboard.render.JunitRenderer;
import dev.switchboard.render.MarkdownRenderer;
import dev.switchboard.render.PlanRenderer;
import dev.switchboard.render.TextRenderer;

/** {@code -o}: how a plan or drift report is printed. */
enum OutputFormat {
    text, json, markdown, junit;

    PlanRenderer renderer(boolean colour) {
        return renderer(colour, "plan");
    }

    /** @param report {@code plan} or {@code drift}, for the headings that name the document */
    PlanRenderer renderer(boolean colour, String report) {
        return switch (this) {
            case text -> new TextRenderer(colour);
            case json -> new JsonRenderer();
            case markdown -> new MarkdownRenderer(report);
            case junit -> new JunitRenderer();
        };
    }
}
