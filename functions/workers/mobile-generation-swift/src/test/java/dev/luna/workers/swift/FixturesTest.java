package dev.luna.workers.swift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.testkit.Golden;
import dev.luna.workers.swift.plan.Resource;
import dev.luna.workers.swift.plan.SwiftOptions;
import dev.luna.workers.swift.render.SwiftProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three fixture APIs (a Swagger 2.0 document, Spring, Express): the plan, the Java-side checks, and golden outputs. */
class FixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"openapi-petstore", "spring-shop", "express-todo"})
    void generatesCheckedProjectsThatMatchTheGoldens(String fixture) throws Exception {
        var out = Generate.run(Generate.FIXTURES.resolve(fixture), SwiftOptions.DEFAULT);
        assertThat(out.problems()).isEmpty();
        for (var e : out.project().entrySet()) {
            if (SwiftProject.copiedFile(e.getKey()) || e.getKey().contains(".colorset/") || e.getKey().endsWith("DS.swift")) continue; // the templates and tokens themselves
            Golden.check(fixture + "/" + e.getKey(), e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void swaggerPetstoreBecomesAPetListWithDetailFormAndDelete() {
        var out = Generate.run(Generate.FIXTURES.resolve("openapi-petstore"), SwiftOptions.DEFAULT);
        var plan = out.plan();
        assertThat(plan.appName()).isEqualTo("Swagger Petstore");
        assertThat(plan.typeName()).isEqualTo("SwaggerPetstore");
        assertThat(plan.resources()).extracting(Resource::title).containsExactly("Pets");
        var pets = plan.resources().get(0);
        assertThat(pets.list().function()).isEqualTo("listPets");
        assertThat(pets.model().name()).isEqualTo("Pet");
        assertThat(out.project()).containsKeys("project.yml", "Package.swift", "App/Screens/PetListView.swift", "App/Screens/PetDetailView.swift",
                "App/Screens/PetFormView.swift", "Sources/SwaggerPetstoreCore/API/APIClient.swift", "Sources/SwaggerPetstoreCore/Persistence/OfflineStore.swift",
                "Sources/SwaggerPetstoreCore/Resources/Assets.xcassets/label.colorset/Contents.json", "Tests/SwaggerPetstoreCoreTests/APIClientTests.swift");
        String client = out.project().get("Sources/SwaggerPetstoreCore/API/APIClient.swift");
        assertThat(client).contains("public func listPets(limit: Int? = nil) async throws -> [Pet]")
                .contains("public func showPetById(petId: String) async throws -> Pet").contains("path: \"/v1/pets/\\(Self.segment(petId))\"");
        assertThat(out.project().get("App/Screens/PetListView.swift")).contains("NavigationLink(value: item)").contains(".floatingFilterBar(")
                .contains("Label(\"Add pet\", systemImage: \"plus\")").contains(".swipeActions");
        assertThat(out.project().get("Sources/SwaggerPetstoreCore/Persistence/OfflineStore.swift")).contains("@Model").contains("final class PetRecord");
        assertThat(out.project().get("project.yml")).contains("TARGETED_DEVICE_FAMILY: \"1,2\"").contains("PRODUCT_BUNDLE_IDENTIFIER: com.example.app");
    }

    @Test
    void optionsShapeTargetsPersistenceAndApplePay() {
        var options = Generate.options("""
                {"platforms": ["macOS", "ios"], "bundleId": "dev.luna.shop", "persistence": "coreData", "applePay": true,
                 "merchantId": "merchant.dev.luna.shop", "appName": "Luna Shop"}""");
        var out = Generate.run(Generate.FIXTURES.resolve("spring-shop"), options);
        assertThat(out.problems()).isEmpty();
        String yml = out.project().get("project.yml");
        assertThat(yml).contains("  LunaShop:\n    type: application\n    platform: iOS").contains("  LunaShopMac:\n    type: application\n    platform: macOS")
                .contains("TARGETED_DEVICE_FAMILY: \"1\"").contains("- merchant.dev.luna.shop").contains("PRODUCT_BUNDLE_IDENTIFIER: dev.luna.shop");
        assertThat(out.project().get("Sources/LunaShopCore/Persistence/OfflineStore.swift")).contains("import CoreData").contains("NSManagedObjectModel()");
        assertThat(out.project().get("App/ApplePay/CheckoutView.swift")).contains("request.merchantIdentifier = merchantIdentifier")
                .contains("static let merchantIdentifier = \"merchant.dev.luna.shop\"");
        assertThat(out.project().get("App/RootView.swift")).contains("CheckoutView(client: client)");
    }
}
