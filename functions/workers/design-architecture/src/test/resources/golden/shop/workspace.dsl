workspace "shop" "Architecture recovered from the source code by Luna" {

    model {
        p_user = person "User" "Uses the system over HTTP"
        s_system = softwareSystem "shop" "8 components, 175 lines, JPA, Spring Boot, Spring Data JPA, Spring MVC" {
            ctr_api = container "shop-api" "2 components, 55 lines" "Java, Spring Boot, Spring MVC" {
                cmp_com_acme_shop = component "shop" "1 files, 11 lines" "config layer" {
                    tags "Layer config"
                }
                cmp_com_acme_shop_web = component "web" "2 files, 44 lines" "web layer" {
                    tags "Layer web"
                }
            }
            ctr_core = container "shop-core" "6 components, 120 lines" "JPA, Java, Spring Data JPA" {
                cmp_com_acme_shop_billing = component "billing" "1 files, 14 lines" "service layer" {
                    tags "Layer service"
                }
                cmp_com_acme_shop_client = component "client" "1 files, 13 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_com_acme_shop_domain = component "domain" "1 files, 19 lines" "domain layer" {
                    tags "Layer domain"
                }
                cmp_com_acme_shop_events = component "events" "1 files, 18 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_com_acme_shop_repository = component "repository" "1 files, 11 lines" "data layer" {
                    tags "Layer data"
                }
                cmp_com_acme_shop_service = component "service" "2 files, 45 lines" "service layer" {
                    tags "Layer service"
                }
            }
        }
        ext_postgresql = softwareSystem "PostgreSQL" "database via JDBC, JPA/JDBC, connection URL" {
            tags "External" "Database"
        }
        ext_http_apis = softwareSystem "External HTTP APIs" "http via RestTemplate" {
            tags "External" "Service"
        }
        ext_kafka = softwareSystem "Apache Kafka" "queue via Kafka client" {
            tags "External" "Queue"
        }

        p_user -> cmp_com_acme_shop_web "Uses" "HTTP"
        cmp_com_acme_shop_billing -> cmp_com_acme_shop_domain "Uses" "1 references"
        cmp_com_acme_shop_billing -> cmp_com_acme_shop_service "Uses" "1 references"
        cmp_com_acme_shop_events -> cmp_com_acme_shop_domain "Uses" "1 references"
        cmp_com_acme_shop_repository -> cmp_com_acme_shop_domain "Uses" "1 references"
        cmp_com_acme_shop_repository -> cmp_com_acme_shop_service "Uses, against the layering" "1 references"
        cmp_com_acme_shop_service -> cmp_com_acme_shop_billing "Uses, closes a cycle" "1 references"
        cmp_com_acme_shop_service -> cmp_com_acme_shop_client "Uses" "1 references"
        cmp_com_acme_shop_service -> cmp_com_acme_shop_domain "Uses" "1 references"
        cmp_com_acme_shop_service -> cmp_com_acme_shop_events "Uses" "1 references"
        cmp_com_acme_shop_service -> cmp_com_acme_shop_repository "Uses" "1 references"
        cmp_com_acme_shop_web -> cmp_com_acme_shop_domain "Uses" "1 references"
        cmp_com_acme_shop_web -> cmp_com_acme_shop_service "Uses" "1 references"
        cmp_com_acme_shop_domain -> ext_postgresql "Reads from and writes to" "JDBC, JPA/JDBC, connection URL"
        cmp_com_acme_shop_repository -> ext_postgresql "Reads from and writes to" "JDBC, JPA/JDBC, connection URL"
        cmp_com_acme_shop_client -> ext_http_apis "Calls" "RestTemplate"
        cmp_com_acme_shop_events -> ext_kafka "Sends and receives messages" "Kafka client"

        production = deploymentEnvironment "Production" {
            deploymentNode "shop-api runtime" "" "JVM" {
                containerInstance ctr_api
            }
            deploymentNode "shop-core runtime" "" "JVM" {
                containerInstance ctr_core
            }
        }
    }

    views {
        systemContext s_system "context" {
            include *
            autolayout lr
        }
        container s_system "containers" {
            include *
            autolayout lr
        }
        component ctr_api "components_api" {
            include *
            autolayout lr
        }
        component ctr_core "components_core" {
            include *
            autolayout lr
        }
        deployment s_system production "deployment" {
            include *
            autolayout lr
        }
        styles {
            element "Person" {
                shape person
            }
            element "External" {
                background #999999
                color #ffffff
            }
            element "Database" {
                shape cylinder
            }
            element "Queue" {
                shape pipe
            }
            element "Grouped" {
                background #eeeeee
                border dashed
            }
        }
    }
}
