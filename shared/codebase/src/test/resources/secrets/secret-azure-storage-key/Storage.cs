class Storage {
    // ruleid: secret-azure-storage-key
    const string Conn = "DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=c/XIyYjabHI+u+iJyF/cig1VRGLeTTHz8hcCcAVHc/EAn5Jx0T8jWN+i3GPPtSyxnALmyTEWrKmG7U3CHT4Y0b==;EndpointSuffix=core.windows.net";
    // ok: secret-azure-storage-key
    const string FromEnv = "DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=" + Environment.GetEnvironmentVariable("KEY");
}
