package org.reviewcycle.deploygate;

import java.util.Optional;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads an expression (JUEL, as the engine does: its own parser, with method calls enabled) and
 * says what in it a model may not contain. Allowed: variables, and their properties by name;
 * literals and operators; the engine's date and user functions; the bean methods of
 * {@link ModelAllowlist#BEAN_METHODS}, which alone may be handed {@code execution} or {@code task}.
 * Everything else is refused: another bean, any other method call, the engine's objects read
 * directly, a property by a computed name, the way to a class.
 */
final class ExpressionRules {

    private final Beans beans;

    ExpressionRules(Beans beans) {
        this.beans = beans;
    }

    /** Why {@code text} (an attribute's value or an element's text) may not be in a model, if it may not. */
    Optional<String> refusal(String text) {
        if (!text.contains("${") && !text.contains("#{")) {
            return Optional.empty();
        }
        AstNode root;
        try {
            root = (AstNode) new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
        } catch (TreeBuilderException e) {
            return Optional.of("the expression " + quoted(text) + " cannot be read (" + e.getMessage() + ")");
        }
        try {
            check(root, false);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of("the expression " + quoted(text) + " " + refused.getMessage());
        }
    }

    /** The bean of a delegate expression that is nothing but {@code ${beanName}}, if it is that. */
    static Optional<String> beanOnly(String text) {
        var matcher = java.util.regex.Pattern.compile("^\\s*\\$\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*$").matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private void check(AstNode node, boolean argument) {
        if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull) {
            return;
        }
        if (node instanceof AstIdentifier identifier) {
            checkName(identifier.getName(), argument);
        } else if (node instanceof AstMethod method) {
            checkMethod(method);
        } else if (node instanceof AstProperty property) {
            checkProperty(property);
        } else if (node instanceof AstFunction function) {
            if (!ModelAllowlist.FUNCTIONS.contains(function.getName())) {
                throw new Refused("calls the function " + function.getName() + "(), which a model may not use");
            }
            children(function, false);
        } else if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
                || node instanceof AstParameters) {
            children(node, false);
        } else {
            throw new Refused("holds " + node + ", which a model may not use");
        }
    }

    private void children(AstNode node, boolean argument) {
        for (int i = 0; i < node.getCardinality(); i++) {
            check((AstNode) node.getChild(i), argument);
        }
    }

    private void checkName(String name, boolean argument) {
        if (ModelAllowlist.ENGINE_OBJECTS.contains(name)) {
            if (!argument) {
                throw new Refused("uses " + name + " itself, which reaches the whole engine; it may only be handed to "
                        + allowedMethods());
            }
        } else if (beans.exists(name)) {
            throw new Refused("names the bean " + name + ", which is not one a model may use; a model may call "
                    + allowedMethods() + " and name our own delegates and listeners in camunda:delegateExpression");
        }
        // anything else is a process variable
    }

    private void checkMethod(AstMethod method) {
        AstNode target = (AstNode) method.getChild(0);
        AstParameters parameters = (AstParameters) method.getChild(1);
        if (target instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier bean) {
            var allowed = ModelAllowlist.BEAN_METHODS.get(bean.getName());
            String name = propertyName(dot);
            if (allowed != null && allowed.contains(name) && beans.exists(bean.getName())) {
                children(parameters, true);
                return;
            }
            throw new Refused("calls the method " + name + "() of " + bean.getName()
                    + "; a model may call no method but " + allowedMethods());
        }
        throw new Refused("calls a method, and a model may call no method but " + allowedMethods());
    }

    private void checkProperty(AstProperty property) {
        AstNode prefix = (AstNode) property.getChild(0);
        if (property instanceof AstDot dot) {
            String name = propertyName(dot);
            if (ModelAllowlist.FORBIDDEN_PROPERTIES.contains(name)) {
                throw new Refused("reads ." + name + ", the way from a value to Java's classes");
            }
        } else if (property instanceof AstBracket bracket) {
            AstNode key = (AstNode) bracket.getChild(1);
            if (key instanceof AstString string) {
                String name = String.valueOf(string.eval(null, null));
                if (ModelAllowlist.FORBIDDEN_PROPERTIES.contains(name)) {
                    throw new Refused("reads [" + name + "], the way from a value to Java's classes");
                }
            } else if (!(key instanceof AstNumber)) {
                throw new Refused("reads a property whose name is worked out when it runs; name it instead");
            }
        }
        if (prefix instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (ModelAllowlist.ENGINE_OBJECTS.contains(name)) {
                throw new Refused("reads a property of " + name + ", which reaches the whole engine");
            }
            if (beans.exists(name)) {
                throw new Refused("reads a property of the bean " + name + "; a model may only call " + allowedMethods());
            }
        } else if (prefix instanceof AstProperty inner) {
            checkProperty(inner);
        } else {
            throw new Refused("reads a property of something that is not a variable");
        }
    }

    /** AstDot keeps its property's name to itself; its text is ". name". */
    private static String propertyName(AstDot dot) {
        String text = dot.toString();
        return text.startsWith(". ") ? text.substring(2) : text;
    }

    private static String allowedMethods() {
        return ModelAllowlist.BEAN_METHODS.entrySet().stream()
                .flatMap(e -> e.getValue().stream().sorted().map(m -> e.getKey() + "." + m + "(...)"))
                .sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    private static String quoted(String text) {
        String shown = text.strip();
        return "'" + (shown.length() > 120 ? shown.substring(0, 117) + "..." : shown) + "'";
    }

    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
