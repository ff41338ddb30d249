workspace "evil'name((slot))(/b) __(init)__" "Architecture recovered from the source code by Luna" {

    model {
        p_user = person "User" "Uses the system over HTTP"
        s_system = softwareSystem "evil'name((slot))(/b) __(init)__" "9 components, 21 lines, Express" {
            ctr = container "evil'name((slot))(/b) __(init)__" "9 components, 21 lines" "Express, JavaScript" {
                cmp_src_x = component "src/--) x" "1 files, 2 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_script_alert_1 = component "src/(script)alert(1)(" "1 files, 2 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_classDef = component "src/classDef" "1 files, 2 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_end = component "src/end" "1 files, 2 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_it_s_rm_rf = component "src/it's _(rm -rf)" "1 files, 2 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_subgraph = component "src/subgraph" "1 files, 2 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_we_ird_dir = component "src/we'ird(dir)" "1 files, 5 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_slot = component "src/((slot))" "1 files, 2 lines" "other layer" {
                    tags "Layer other"
                }
                cmp_src_n_c_d = component "src/ünï cödé" "1 files, 2 lines" "other layer" {
                    tags "Layer other"
                }
            }
        }
        ext_http_apis = softwareSystem "External HTTP APIs" "http via axios" {
            tags "External" "Service"
        }

        p_user -> ctr "Uses" "HTTP"
        cmp_src_x -> cmp_src_n_c_d "Uses" "1 references"
        cmp_src_classDef -> cmp_src_it_s_rm_rf "Uses" "1 references"
        cmp_src_end -> cmp_src_script_alert_1 "Uses" "1 references"
        cmp_src_it_s_rm_rf -> cmp_src_we_ird_dir "Uses" "1 references"
        cmp_src_subgraph -> cmp_src_classDef "Uses" "1 references"
        cmp_src_we_ird_dir -> cmp_src_end "Uses" "1 references"
        cmp_src_slot -> cmp_src_x "Uses" "1 references"
        cmp_src_n_c_d -> cmp_src_subgraph "Uses" "1 references"
        ctr -> ext_http_apis "Calls" "axios"

        production = deploymentEnvironment "Production" {
            deploymentNode "evil'name((slot))(/b) __(init)__ runtime" "" "Node.js" {
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
