package org.msocap.io.ocf;

/**
 * One thing wrong with (or left out of) an OCF package, placed by file and JSON pointer so the user can go
 * straight to it: {@code StockClasses.ocf.json: /items/2/seniority: required property 'seniority' not found}.
 *
 * @param file the file inside the package, as the manifest names it (or the manifest's own name)
 * @param pointer JSON pointer into that file ({@code /items/3/stock_class_id}); empty for the file as a whole
 */
public record OcfProblem(String file, String pointer, String message) {

    public OcfProblem {
        pointer = pointer == null ? "" : pointer;
    }

    @Override
    public String toString() {
        return pointer.isEmpty() ? file + ": " + message : file + ": " + pointer + ": " + message;
    }
}
