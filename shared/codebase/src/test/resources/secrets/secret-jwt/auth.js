// ruleid: secret-jwt
const serviceToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvSk9aelpCYVVkRXoiLCJuYW1lIjoic3ZjIiwiaWF0IjoxNzAwMDAwMDAwfQ.PRRr2ni-iChbFWYdzuxJ7Dz4EGljPg8NVWh3_aerKW6";
// ok: secret-jwt
const header = "eyJhbGciOiJIUzI1NiJ9";
