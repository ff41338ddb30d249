workspace "todo-api" "Architecture recovered from the source code by Luna" {

    model {
        p_user = person "User" "Uses the system over HTTP"
        s_system = softwareSystem "todo-api" "5 components, 55 lines, Express" {
            ctr = container "todo-api" "5 components, 55 lines" "Express, JavaScript" {
                cmp_src = component "src" "1 files, 10 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_db = component "src/db" "1 files, 3 lines" "data layer" {
                    tags "Layer data"
                }
                cmp_src_middleware = component "src/middleware" "1 files, 11 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_routes = component "src/routes" "1 files, 14 lines" "web layer" {
                    tags "Layer web"
                }
                cmp_src_services = component "src/services" "1 files, 17 lines" "service layer" {
                    tags "Layer service"
                }
            }
        }
        ext_postgresql = softwareSystem "PostgreSQL" "database via node-postgres" {
            tags "External" "Database"
        }
        ext_http_apis = softwareSystem "External HTTP APIs" "http via axios, fetch" {
            tags "External" "Service"
        }

        p_user -> cmp_src_routes "Uses" "HTTP"
        cmp_src -> cmp_src_middleware "Uses" "1 references"
        cmp_src -> cmp_src_routes "Uses" "1 references"
        cmp_src_routes -> cmp_src_services "Uses" "1 references"
        cmp_src_services -> cmp_src_db "Uses" "1 references"
        cmp_src_db -> ext_postgresql "Reads from and writes to" "node-postgres"
        cmp_src_services -> ext_http_apis "Calls" "axios, fetch"

        production = deploymentEnvironment "Production" {
            deploymentNode "todo-api runtime" "" "Node.js" {
                containerInstance ctr
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
        component ctr "components" {
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
