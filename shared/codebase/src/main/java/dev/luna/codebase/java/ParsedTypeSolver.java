package dev.luna.codebase.java;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;

/**
 * A {@link TypeSolver} over the project's already parsed types: what {@code JavaParserTypeSolver} does over source
 * roots, without parsing each file a second time.
 */
final class ParsedTypeSolver implements TypeSolver {
    private final JavaIndex index;
    private TypeSolver parent;

    ParsedTypeSolver(JavaIndex index) {
        this.index = index;
    }

    @Override
    public TypeSolver getParent() {
        return parent;
    }

    @Override
    public void setParent(TypeSolver parent) {
        this.parent = parent;
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String module, String simpleName) {
        return SymbolReference.unsolved();
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
        var td = index.type(name);
        if (td == null) return SymbolReference.unsolved();
        return SymbolReference.solved(JavaParserFacade.get(getRoot()).getTypeDeclaration(td));
    }
}
