package dev.idcred.command.pat;

import java.util.List;

/** The patchable fields of a personal access token, as a JSON Patch sees them. */
record PatPatchDocument(String name, List<String> scope) {
}
