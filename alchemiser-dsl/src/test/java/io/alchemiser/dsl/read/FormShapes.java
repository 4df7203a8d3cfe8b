package io.alchemiser.dsl.read;

import io.alchemiser.dsl.read.Form.BooleanForm;
import io.alchemiser.dsl.read.Form.DecimalForm;
import io.alchemiser.dsl.read.Form.IntegerForm;
import io.alchemiser.dsl.read.Form.KeywordForm;
import io.alchemiser.dsl.read.Form.ListForm;
import io.alchemiser.dsl.read.Form.MapForm;
import io.alchemiser.dsl.read.Form.NilForm;
import io.alchemiser.dsl.read.Form.StringForm;
import io.alchemiser.dsl.read.Form.SymbolForm;
import io.alchemiser.dsl.read.Form.VectorForm;
import java.util.ArrayList;
import java.util.List;

/** Forms without their positions, as plain values that compare with equals: for round-trip assertions. */
final class FormShapes {
    private FormShapes() {
    }

    static Object shape(Form form) {
        if (form instanceof ListForm) {
            return tagged("list", ((ListForm) form).items());
        }
        if (form instanceof VectorForm) {
            return tagged("vector", ((VectorForm) form).items());
        }
        if (form instanceof MapForm) {
            List<Object> out = new ArrayList<>();
            out.add("map");
            for (MapForm.Entry entry : ((MapForm) form).entries()) {
                out.add(List.of(shape(entry.key()), shape(entry.value())));
            }
            return out;
        }
        if (form instanceof StringForm) {
            return List.of("string", ((StringForm) form).value());
        }
        if (form instanceof IntegerForm) {
            return ((IntegerForm) form).value();
        }
        if (form instanceof DecimalForm) {
            return ((DecimalForm) form).value();
        }
        if (form instanceof KeywordForm) {
            return List.of("keyword", ((KeywordForm) form).name());
        }
        if (form instanceof SymbolForm) {
            return List.of("symbol", ((SymbolForm) form).name());
        }
        if (form instanceof NilForm) {
            return "nil";
        }
        return ((BooleanForm) form).value();
    }

    static List<Object> shapes(List<Form> forms) {
        List<Object> out = new ArrayList<>();
        for (Form form : forms) {
            out.add(shape(form));
        }
        return out;
    }

    private static List<Object> tagged(String tag, List<Form> items) {
        List<Object> out = new ArrayList<>();
        out.add(tag);
        out.addAll(shapes(items));
        return out;
    }
}
